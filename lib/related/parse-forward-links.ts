// Crossref getForwardLinks XML → citing works. Pure: no network, no DTDs (fast-xml-parser never loads them).
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

export type CitingWork = { title: string; journal: string; year: number | null; doi: string | null };

const text = z.union([z.string(), z.number()]).transform(String);
const citeSchema = z.object({
  journal_title: text.optional(),
  article_title: text.optional(),
  year: z.coerce.number().int().optional(),
  doi: z.union([text, z.object({ '#text': text })]).optional(),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  processEntities: true,
  isArray: (name) => name === 'forward_link',
});

function findForwardLinks(node: unknown): unknown[] {
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.forward_link)) return record.forward_link;
  return Object.values(record).flatMap(findForwardLinks);
}

/** Journal citations in a getForwardLinks answer (book and other citations are skipped). */
export function parseForwardLinks(xml: string): CitingWork[] {
  return findForwardLinks(parser.parse(xml)).flatMap((link) => {
    const cite = citeSchema.safeParse((link as Record<string, unknown>).journal_cite);
    if (!cite.success || !cite.data.article_title) return [];
    const doi = typeof cite.data.doi === 'object' ? cite.data.doi['#text'] : cite.data.doi;
    return [
      {
        title: cite.data.article_title.trim(),
        journal: (cite.data.journal_title ?? '').trim(),
        year: cite.data.year ?? null,
        doi: doi?.trim() || null,
      },
    ];
  });
}
