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

/** One reference per style, plain text; numeric styles lose their list number ("1. "). */
export function formatCitationStyles(a: ExportableArticle, url: string): FormattedCitation[] {
  registerStyles();
  const cite = new Cite(toCsl(a, url));
  return CITATION_STYLES.map((s) => {
    const text = cite.format('bibliography', { format: 'text', template: s.id, lang: 'en-US' }) as string;
    return { style: s.id, label: s.label, text: text.trim().replace(/^1\.\s+/, '') };
  });
}
