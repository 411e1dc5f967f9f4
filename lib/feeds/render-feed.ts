// RSS 2.0 and Atom 1.0 from a feed's articles, with the `feed` package. Each entry carries only
// what every visitor sees: title, authors, the abstract (or preview) as text, topics, link.
import { Feed } from 'feed';
import { articlePath } from '@/lib/articles/article-path';
import { formatAuthorName } from '@/lib/articles/format-citation';
import { htmlToParagraphs } from '@/lib/articles/html-to-text';
import type { FeedSource } from './feed-articles';
import { feedPath, type FeedFormat } from './feed-paths';

export type FeedSite = { url: string; journalTitle: string };

export function renderFeed(source: FeedSource, format: FeedFormat, site: FeedSite): string {
  const absolute = (p: string) => new URL(p, site.url).toString();
  const dates = source.articles.map((a) => a.issue?.publishedAt ?? a.publishedOnline ?? a.updatedAt);
  const feed = new Feed({
    id: absolute(feedPath(source, 'atom')),
    title: `${site.journalTitle}: ${source.title}`,
    description: `${source.title}, from ${site.journalTitle}`,
    link: absolute(source.pagePath),
    language: 'en',
    updated: dates.reduce<Date>((latest, d) => (d > latest ? d : latest), new Date(0)),
    generator: false,
    copyright: `© ${site.journalTitle}`,
    feedLinks: { rss: absolute(feedPath(source, 'rss')), atom: absolute(feedPath(source, 'atom')) },
  });
  source.articles.forEach((a, i) => {
    const link = absolute(articlePath(a.doi));
    feed.addItem({
      title: a.subtitle ? `${a.title}: ${a.subtitle}` : a.title,
      id: `https://doi.org/${a.doi}`,
      link,
      date: dates[i]!,
      published: a.publishedOnline ?? undefined,
      description: htmlToParagraphs(a.previewHtml).join('\n\n'),
      author: a.authors.map((p) => ({ name: formatAuthorName({ ...p, degrees: null }, false) })),
      category: a.topics.map((t) => ({ name: t.topic.name })),
    });
  });
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
