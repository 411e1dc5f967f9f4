// Reads what the seeded database holds, so leak checks know exactly which text is gated.
import pg from 'pg';
import { htmlToParagraphs } from '../../../lib/articles/html-to-text';
import { e2eSettings } from '../settings';

export const SEED_DOI = '10.1001/archdermatol.2011.3156';

export type SeededArticle = { doi: string; isFree: boolean; gatedParagraphs: string[] };

export async function loadSeededArticles(): Promise<SeededArticle[]> {
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ doi: string; isFree: boolean; fullTextHtml: string; referencesHtml: string }>(
      'SELECT doi, "isFree", "fullTextHtml", "referencesHtml" FROM "Article" ORDER BY doi',
    );
    return rows.map((r) => ({
      doi: r.doi,
      isFree: r.isFree,
      gatedParagraphs: [...htmlToParagraphs(r.fullTextHtml), ...htmlToParagraphs(r.referencesHtml)],
    }));
  } finally {
    await client.end();
  }
}

/**
 * Runs of plain words (no quotes, tags or entities) of at least 25 characters taken from each
 * paragraph: if a paragraph leaked in any encoding (HTML, RSC, JSON), these appear verbatim.
 */
export function probesOf(paragraphs: string[]): string[] {
  return paragraphs.flatMap((p) => (p.match(/[A-Za-z0-9 ,;]{25,}/g) ?? []).map((run) => run.trim()).filter((r) => r.length >= 25));
}
