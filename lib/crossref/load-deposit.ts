import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { articleRecordSelect, authorNameSelect } from '@/lib/articles/article-record-select';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors/app-error';

const journalSelect = { title: true, abbreviation: true, issn: true, eissn: true, publisher: true } as const;
const issueSelect = { id: true, volume: true, number: true, year: true, month: true } as const;

/** What a deposit needs of an article (the reference HTML is deposited: Crossref asks for it). */
const articleSelect = {
  ...articleRecordSelect,
  journal: { select: journalSelect },
  issue: { select: issueSelect },
  authors: {
    orderBy: { position: 'asc' },
    select: {
      ...authorNameSelect,
      affiliations: {
        orderBy: { position: 'asc' },
        select: { affiliation: { select: { text: true, ror: true, isni: true } } },
      },
    },
  },
} as const satisfies Prisma.ArticleSelect;

export type DepositArticle = Prisma.ArticleGetPayload<{ select: typeof articleSelect }>;
export type DepositJournal = DepositArticle['journal'];
export type DepositIssue = NonNullable<DepositArticle['issue']>;

/** One journal, its issue (when the deposit is of an issue, or of an article in one) and articles. */
export type DepositContent = { journal: DepositJournal; issue: DepositIssue | null; articles: DepositArticle[] };

/**
 * An issue by its id or as "volume/number" (e.g. "148/4"); NotFoundError names what was asked
 * for when no issue matches, or when "volume/number" matches issues of several journals.
 */
export async function loadIssueDeposit(ref: string): Promise<DepositContent> {
  const [volume, number, extra] = ref.split('/');
  const byNumber = extra === undefined && volume && number ? { volume, number } : null;
  const issues = await db.issue.findMany({
    where: byNumber ? { OR: [{ id: ref }, byNumber] } : { id: ref },
    select: { ...issueSelect, journal: { select: journalSelect } },
    take: 2,
  });
  if (issues.length === 0) throw new NotFoundError(`No issue "${ref}" (give its id or volume/number, e.g. 148/4).`);
  if (issues.length > 1) throw new NotFoundError(`"${ref}" names issues of several journals: give the issue's id.`);
  const { journal, ...issue } = issues[0]!;
  const articles = await db.article.findMany({
    where: { issueId: issue.id },
    orderBy: [{ position: 'asc' }, { doi: 'asc' }],
    select: articleSelect,
  });
  return { journal, issue, articles };
}

/** One article by its id or DOI, with its journal and issue. */
export async function loadArticleDeposit(ref: string): Promise<DepositContent> {
  const article =
    (await db.article.findUnique({ where: { id: ref }, select: articleSelect })) ??
    (await db.article.findFirst({ where: { doi: { equals: ref, mode: 'insensitive' } }, select: articleSelect }));
  if (!article) throw new NotFoundError(`No article "${ref}" (give its id or DOI).`);
  return { journal: article.journal, issue: article.issue, articles: [article] };
}
