// The article's citation in the styles readers ask for, formatted by citation-js's CSL processor
// (citeproc-js). APA and Vancouver ship with @citation-js/plugin-csl; AMA (11th ed.) and Chicago
// (author-date, 18th ed.) are the Citation Style Language project's own style files, kept in
// lib/articles/csl/ with their CC BY-SA 3.0 licence (see the README there).
import fs from 'node:fs';
import path from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { toCsl, type ExportableArticle } from './export-citation';

export const CITATION_STYLES = [
  { id: 'ama', label: 'AMA', file: 'american-medical-association.csl' },
  { id: 'apa', label: 'APA', file: null },
  { id: 'vancouver', label: 'Vancouver', file: null },
  { id: 'chicago', label: 'Chicago', file: 'chicago-author-date.csl' },
] as const;

export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];
export type FormattedCitation = { style: CitationStyleId; label: string; text: string };

// Read from the project folder (the server runs there), once per process.
const cslDir = path.join(process.cwd(), 'lib/articles/csl');
let registered = false;
function registerStyles() {
  if (registered) return;
  const styles = (plugins.config.get('@csl') as { styles: { add: (id: string, xml: string) => void } }).styles;
  for (const s of CITATION_STYLES) if (s.file) styles.add(s.id, fs.readFileSync(path.join(cslDir, s.file), 'utf8'));
  registered = true;
}

// citeproc builds each style's engine anew on every call: about 20 ms for the four, far more
// cold, and the article-page cache reloads an article's shared parts every 30 s. The output
// depends only on the CSL input, so each distinct input is formatted once per process; the
// bound keeps the least recently used.
const MAX_FORMATTED = 5000;
const formatted = new Map<string, FormattedCitation[]>();

/** One reference per style, plain text; numeric styles lose their list number ("1. "). */
export function formatCitationStyles(a: ExportableArticle, url: string): FormattedCitation[] {
  const csl = toCsl(a, url);
  const key = JSON.stringify(csl);
  const known = formatted.get(key);
  if (known) {
    formatted.delete(key);
    formatted.set(key, known);
    return known;
  }
  registerStyles();
  const cite = new Cite(csl);
  const citations = CITATION_STYLES.map((s) => {
    const text = cite.format('bibliography', { format: 'text', template: s.id, lang: 'en-US' }) as string;
    return { style: s.id, label: s.label, text: text.trim().replace(/^1\.\s+/, '') };
  });
  if (formatted.size >= MAX_FORMATTED) formatted.delete(formatted.keys().next().value!);
  formatted.set(key, citations);
  return citations;
}
