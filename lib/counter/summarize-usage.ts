import 'server-only';
import { db } from '@/lib/db';
import { queryArticleMonthCounts } from './query-usage-counts';

export type UsageSummaryRow = {
  id: string;
  label: string;
  investigations: number;
  requests: number;
  uniqueRequests: number;
  denials: number;
};

const add = (into: Omit<UsageSummaryRow, 'id' | 'label'>, c: Omit<UsageSummaryRow, 'id' | 'label'>) => {
  into.investigations += c.investigations;
  into.requests += c.requests;
  into.uniqueRequests += c.uniqueRequests;
  into.denials += c.denials;
};

/**
 * COUNTER usage per journal and per article over [begin, end), for one institution or (null)
 * the whole platform, from the same counts as the reports (double-clicks removed, unique items
 * per session). Denials are No_License: turnaways, what readers wanted and could not read.
 */
export async function summarizeUsage(institutionId: string | null, begin: Date, end: Date) {
  const rows = await queryArticleMonthCounts({ institutionId, begin, end });
  const byArticle = new Map<string, UsageSummaryRow>();
  const byJournal = new Map<string, UsageSummaryRow>();
  for (const r of rows) {
    const counts = {
      investigations: r.totalInvestigations,
      requests: r.totalRequests,
      uniqueRequests: r.uniqueRequests,
      denials: r.noLicense,
    };
    const article = byArticle.get(r.articleId) ?? {
      id: r.articleId,
      label: '',
      investigations: 0,
      requests: 0,
      uniqueRequests: 0,
      denials: 0,
    };
    add(article, counts);
    byArticle.set(r.articleId, article);
    const journal = byJournal.get(r.journalId) ?? {
      id: r.journalId,
      label: '',
      investigations: 0,
      requests: 0,
      uniqueRequests: 0,
      denials: 0,
    };
    add(journal, counts);
    byJournal.set(r.journalId, journal);
  }
  const [articles, journals] = await Promise.all([
    db.article.findMany({ where: { id: { in: [...byArticle.keys()] } }, select: { id: true, title: true, doi: true } }),
    db.journal.findMany({ where: { id: { in: [...byJournal.keys()] } }, select: { id: true, title: true } }),
  ]);
  for (const a of articles) byArticle.get(a.id)!.label = a.title;
  for (const j of journals) byJournal.get(j.id)!.label = j.title;
  const dois = new Map(articles.map((a) => [a.id, a.doi]));
  const byUse = (a: UsageSummaryRow, b: UsageSummaryRow) =>
    b.investigations + b.denials - (a.investigations + a.denials);
  return {
    journals: [...byJournal.values()].sort(byUse),
    articles: [...byArticle.values()].sort(byUse).map((a) => ({ ...a, doi: dois.get(a.id) ?? '' })),
  };
}

/** The last twelve whole months and this one, as COUNTER months (UTC). */
export function lastYearRange(now: Date): { begin: Date; end: Date } {
  return {
    begin: new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}
