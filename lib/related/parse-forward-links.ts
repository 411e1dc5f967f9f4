// Crossref getForwardLinks XML → citing works. Pure: no network, no DTDs (fast-xml-parser never loads them).
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

export type CitingWork = { title: string; authors: string[]; journal: string; year: number | null; doi: string | null };

const text = z.union([z.string(), z.number()]).transform(String);
// <contributor contributor_role="author" sequence="first"><given_name/><surname/></contributor>,
// or an <organization> for a group author.
const contributorSchema = z.object({
  '@_contributor_role': z.string().optional(),
  given_name: text.optional(),
  surname: text.optional(),
  '#text': text.optional(),
});
const citeSchema = z.object({
  journal_title: text.optional(),
  article_title: text.optional(),
  year: z.coerce.number().int().optional(),
  doi: z.union([text, z.object({ '#text': text })]).optional(),
  contributors: z
    .object({ contributor: z.array(z.unknown()).optional(), organization: z.array(z.unknown()).optional() })
    .optional()
    .catch(undefined),
});

/** The authors (editors and translators left out), in Crossref's order, as "Given Surname". */
function authorNames(contributors: z.infer<typeof citeSchema>['contributors']): string[] {
  return [...(contributors?.contributor ?? []), ...(contributors?.organization ?? [])].flatMap((c) => {
    if (typeof c === 'string' || typeof c === 'number') return [String(c).trim()].filter(Boolean);
    const p = contributorSchema.safeParse(c);
    if (!p.success) return [];
    const role = p.data['@_contributor_role'];
    if (role && role !== 'author') return [];
    const name = [p.data.given_name, p.data.surname ?? p.data['#text']].filter(Boolean).join(' ').trim();
    return name ? [name.replace(/\s+/g, ' ')] : [];
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  processEntities: true,
  isArray: (name) => name === 'forward_link' || name === 'contributor' || name === 'organization',
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
        authors: authorNames(cite.data.contributors),
        journal: (cite.data.journal_title ?? '').trim(),
        year: cite.data.year ?? null,
        doi: doi?.trim() || null,
      },
    ];
  });
}
