import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { articlePath } from '@/lib/articles/article-path';
import { getTopicWithArticles, listTopicSlugs } from '@/lib/articles/get-topic';
import { feedAlternates, feedPath, SITE_FEEDS } from '@/lib/feeds/feed-paths';

export const revalidate = 300;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await listTopicSlugs()).map((slug) => ({ slug }));
}

async function loadTopic(params: Props['params']) {
  const topic = await getTopicWithArticles((await params).slug);
  if (!topic) notFound();
  return topic;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const topic = await loadTopic(params);
  const topicFeed = { kind: 'topic' as const, pagePath: `/topics/${slug}`, title: topic.name };
  return { title: topic.name, alternates: { types: feedAlternates([...SITE_FEEDS, topicFeed]) } };
}

export default async function TopicPage({ params }: Props) {
  const topic = await loadTopic(params);
  return (
    <div className="page">
      <p className="eyebrow">Topic</p>
      <h1>{topic.name}</h1>
      <p className="feed-links">
        Follow this topic:{' '}
        <a href={feedPath({ kind: 'topic', pagePath: `/topics/${(await params).slug}` }, 'rss')}>RSS</a> ·{' '}
        <a href={feedPath({ kind: 'topic', pagePath: `/topics/${(await params).slug}` }, 'atom')}>Atom</a>
      </p>
      <ul className="toc__list">
        {topic.articles.map(({ article }) => (
          <li key={article.doi} className="toc__item">
            {article.sectionLabel && <span className="toc__section-label">{article.sectionLabel}</span>}
            <Link href={articlePath(article.doi)} className="toc__title">
              {article.title}
            </Link>
            {article.isFree && <span className="badge">Free</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
