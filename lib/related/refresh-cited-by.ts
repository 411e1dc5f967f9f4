import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { parseForwardLinks } from './parse-forward-links';

const REFRESH_EVERY_MS = 24 * 3600_000;

/**
 * Asks Crossref (getForwardLinks) who cites the article and replaces its stored crossref
 * citations. Runs after the response (never in the request's path), at most once a day per
 * article, and only with Crossref credentials; a failure is recorded and the old list stays.
 */
type Crossref = { user?: string; password?: string; baseUrl: string };

export async function refreshCitedBy(
  articleId: string,
  {
    now = new Date(),
    crossref = { user: env.CROSSREF_USER, password: env.CROSSREF_PASSWORD, baseUrl: env.CROSSREF_BASE },
  }: { now?: Date; crossref?: Crossref } = {},
): Promise<void> {
  if (!crossref.user || !crossref.password) return;
  const [article, sync] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { doi: true } }),
    db.citedBySync.findUnique({ where: { articleId } }),
  ]);
  if (!article || (sync && now.getTime() - sync.checkedAt.getTime() < REFRESH_EVERY_MS)) return;
  // Claim the slot first so concurrent revalidations do not all call Crossref.
  await db.citedBySync.upsert({
    where: { articleId },
    create: { articleId, checkedAt: now },
    update: { checkedAt: now, error: null },
  });
  try {
    const url = new URL('/servlet/getForwardLinks', crossref.baseUrl);
    url.search = new URLSearchParams({ usr: crossref.user, pwd: crossref.password, doi: article.doi }).toString();
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`Crossref answered ${res.status}`);
    const works = parseForwardLinks(await res.text());
    await db.$transaction([
      db.citation.deleteMany({ where: { articleId, source: 'crossref' } }),
      db.citation.createMany({ data: works.map((w) => ({ articleId, source: 'crossref' as const, ...w })) }),
    ]);
  } catch (error) {
    await db.citedBySync.update({ where: { articleId }, data: { error: String(error).slice(0, 500) } });
  }
}
