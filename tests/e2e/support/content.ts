// Reads what the seeded database holds, so leak checks know exactly which text is gated.
import pg from 'pg';
import { htmlToParagraphs } from '../../../lib/articles/html-to-text';
import { e2eSettings } from '../settings';

export const SEED_DOI = '10.1001/archdermatol.2011.3156';

export type SeededArticle = { doi: string; isFree: boolean; gatedParagraphs: string[]; publicText: string };

export async function loadSeededArticles(): Promise<SeededArticle[]> {
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      doi: string;
      isFree: boolean;
      title: string;
      subtitle: string | null;
      previewHtml: string;
      summariesHtml: string;
      articleInfoHtml: string;
      fullTextHtml: string;
      referencesHtml: string;
    }>(
      'SELECT doi, "isFree", title, subtitle, "previewHtml", "summariesHtml", "articleInfoHtml", "fullTextHtml", "referencesHtml" FROM "Article" ORDER BY doi',
    );
    return rows.map((r) => ({
      doi: r.doi,
      isFree: r.isFree,
      gatedParagraphs: htmlToParagraphs(r.fullTextHtml),
      // Summaries, Article Information (disclosures, funding) and references are public by design.
      publicText: [
        r.title,
        r.subtitle ?? '',
        ...htmlToParagraphs(r.previewHtml),
        ...htmlToParagraphs(r.summariesHtml),
        ...htmlToParagraphs(r.articleInfoHtml),
        ...htmlToParagraphs(r.referencesHtml),
      ].join('\n'),
    }));
  } finally {
    await client.end();
  }
}

/**
 * Runs of plain words (no quotes, tags or entities) of at least 30 characters taken from each
 * gated paragraph: if a paragraph leaked in any encoding (HTML, RSC, JSON), these appear
 * verbatim. Runs that also occur in the public part (title, abstract) prove nothing and are left out.
 */
export function probesOf(article: SeededArticle): string[] {
  return article.gatedParagraphs
    .flatMap((p) => p.match(/[A-Za-z0-9 ,;]{30,}/g) ?? [])
    .map((run) => run.trim())
    .filter((run) => run.length >= 30 && !article.publicText.includes(run));
}
