import 'server-only';
import { db } from '@/lib/db';

const LIMIT = 50;

/** Public metadata only: a feed is read by anyone, so the gated full text is never selected. */
const feedArticleSelect = {
  doi: true,
  title: true,
  subtitle: true,
  previewHtml: true,
  publishedOnline: true,
  updatedAt: true,
  sectionLabel: true,
  authors: { orderBy: { position: 'asc' }, select: { givenNames: true, surname: true, suffix: true, collab: true } },
  topics: { select: { topic: { select: { name: true } } } },
  issue: { select: { publishedAt: true } },
} as const;

export type FeedSource = {
  kind: 'current-issue' | 'online-first' | 'topic';
  title: string;
  /** The page the feed follows, e.g. "/" or "/topics/drug-reactions". */
  pagePath: string;
  articles: Awaited<ReturnType<typeof findArticles>>;
};

function findArticles(where: NonNullable<Parameters<typeof db.article.findMany>[0]>['where'], byPosition = false) {
  return db.article.findMany({
    where,
    orderBy: byPosition
      ? [{ position: 'asc' }]
      : [{ publishedOnline: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }],
    take: LIMIT,
    select: feedArticleSelect,
  });
}

/** The articles of the current issue, in table-of-contents order; null when none is published. */
export async function loadCurrentIssueFeed(): Promise<FeedSource | null> {
  const issue = await db.issue.findFirst({
    orderBy: [{ isCurrent: 'desc' }, { year: 'desc' }, { month: 'desc' }],
    select: { id: true, volume: true, number: true, dateLabel: true },
  });
  if (!issue) return null;
  return {
    kind: 'current-issue',
    title: `Current issue: Vol ${issue.volume}, No. ${issue.number}, ${issue.dateLabel}`,
    pagePath: '/',
    articles: await findArticles({ issueId: issue.id }, true),
  };
}

/** Articles published online and not yet in an issue, newest first. */
export async function loadOnlineFirstFeed(): Promise<FeedSource> {
  return {
    kind: 'online-first',
    title: 'Online first',
    pagePath: '/',
    articles: await findArticles({ issueId: null, publishedOnline: { not: null } }),
  };
}

/** A topic's articles, newest first; null for an unknown topic. */
export async function loadTopicFeed(slug: string): Promise<FeedSource | null> {
  const topic = await db.topic.findUnique({ where: { slug }, select: { name: true, slug: true } });
  if (!topic) return null;
  return {
    kind: 'topic',
    title: topic.name,
    pagePath: `/topics/${topic.slug}`,
    articles: await findArticles({ topics: { some: { topic: { slug } } } }),
  };
}
