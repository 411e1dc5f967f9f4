import 'server-only';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { JOURNAL } from '@/lib/site/journal-facts';
import { buildCrossrefDeposit } from './build-crossref-deposit';
import { loadArticleDeposit, loadIssueDeposit } from './load-deposit';

export type DepositTarget = { issue: string } | { article: string };

/**
 * The Crossref deposit file of an issue (its id or "volume/number") or an article (its id or
 * DOI), and a file name for it. Throws NotFoundError / ValidationError with a message to show.
 */
export async function createCrossrefDeposit(target: DepositTarget): Promise<{ fileName: string; xml: string }> {
  const content = 'issue' in target ? await loadIssueDeposit(target.issue) : await loadArticleDeposit(target.article);
  const at = now();
  const xml = buildCrossrefDeposit(content, {
    siteUrl: env.SITE_URL,
    now: at,
    depositor: { name: JOURNAL.publisher, email: JOURNAL.editorialOffice },
    registrant: JOURNAL.publisher,
  });
  const what =
    'issue' in target && content.issue
      ? `vol${content.issue.volume}-no${content.issue.number}`
      : (content.articles[0]?.doi ?? 'article');
  const fileName = `crossref-${what.replace(/[^A-Za-z0-9.-]+/g, '_')}-${at.toISOString().slice(0, 10)}.xml`;
  return { fileName, xml };
}
