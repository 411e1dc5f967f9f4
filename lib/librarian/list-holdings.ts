import 'server-only';
import { decideAccess } from '@/lib/access/decide-access';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { NotFoundError } from '@/lib/errors/app-error';
import { JOURNAL } from '@/lib/site/journal-facts';
import { kbartDate, type SerialHolding } from './kbart';

export type TitleHolding = SerialHolding & { articleCount: number; issueCount: number; freeCount: number };

export type Holdings = {
  institution: { name: string; activeFrom: Date; activeUntil: Date | null };
  status: 'active' | 'not-started' | 'ended';
  /** What the institution's readers can read now: every journal while its access is open, else none. */
  titles: TitleHolding[];
  /** Every title on the platform, whatever the access (what a renewal would open). */
  allTitles: TitleHolding[];
};

function issueOrder(a: { year: number; month: number | null; volume: string; number: string }) {
  return [a.year, a.month ?? 0, Number.parseInt(a.volume, 10) || 0, Number.parseInt(a.number, 10) || 0];
}

function compareIssues(a: Parameters<typeof issueOrder>[0], b: Parameters<typeof issueOrder>[0]) {
  const [x, y] = [issueOrder(a), issueOrder(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

async function listTitles(): Promise<TitleHolding[]> {
  const journals = await db.journal.findMany({
    orderBy: { title: 'asc' },
    select: {
      id: true,
      slug: true,
      title: true,
      issn: true,
      eissn: true,
      publisher: true,
      issues: {
        select: {
          volume: true,
          number: true,
          year: true,
          month: true,
          isCurrent: true,
          _count: { select: { articles: true } },
        },
      },
      _count: { select: { articles: true } },
    },
  });
  const free = await db.article.groupBy({ by: ['journalId'], where: { isFree: true }, _count: { _all: true } });
  const freeByJournal = new Map(free.map((f) => [f.journalId, f._count._all]));
  return journals.flatMap((j) => {
    const issues = j.issues.filter((i) => i._count.articles > 0).sort(compareIssues);
    const first = issues[0];
    const last = issues.at(-1);
    if (!first || !last) return [];
    const isOngoing = j.issues.some((i) => i.isCurrent);
    const point = (i: typeof first) => ({ date: kbartDate(i.year, i.month), volume: i.volume, issue: i.number });
    return [
      {
        title: j.title,
        printIssn: j.issn,
        onlineIssn: j.eissn,
        titleId: j.slug,
        titleUrl: `${env.SITE_URL}/issues`,
        publisher: j.publisher ?? JOURNAL.publisher,
        first: point(first),
        last: isOngoing ? null : point(last),
        articleCount: j._count.articles,
        issueCount: issues.length,
        freeCount: freeByJournal.get(j.id) ?? 0,
      },
    ];
  });
}

/** The librarian's institution's subscription (its access period) and what it opens. */
export async function listHoldings(institutionId: string, now: Date): Promise<Holdings> {
  const institution = await db.institution.findUnique({
    where: { id: institutionId },
    select: { name: true, activeFrom: true, activeUntil: true },
  });
  if (!institution) throw new NotFoundError('This institution no longer exists.');
  // The access rule itself says whether the institution's readers read paywalled articles now.
  const decision = decideAccess({
    now,
    article: { id: 'holdings', isFree: false },
    subscriptions: [],
    purchases: [],
    institutions: [institution],
  });
  const status = decision.source === 'institution' ? 'active' : institution.activeFrom > now ? 'not-started' : 'ended';
  const allTitles = await listTitles();
  return { institution, status, titles: status === 'active' ? allTitles : [], allTitles };
}
