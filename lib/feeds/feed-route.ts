import 'server-only';
import { env } from '@/lib/env';
import { db } from '@/lib/db';
import { htmlMessage } from '@/lib/http/html-message';
import { loadCurrentIssueFeed, loadOnlineFirstFeed, loadTopicFeed, type FeedSource } from './feed-articles';
import { FEED_TYPES, parseFeedFile } from './feed-paths';
import { renderFeed } from './render-feed';

/** GET /feeds/<name>.rss|.atom and /feeds/topics/<slug>.rss|.atom: the feed, or a 404 page. */
export async function feedResponse(file: string, scope: 'site' | 'topic'): Promise<Response> {
  const parsed = parseFeedFile(file);
  let source: FeedSource | null = null;
  if (parsed && scope === 'topic') source = await loadTopicFeed(parsed.name);
  else if (parsed?.name === 'current-issue') source = await loadCurrentIssueFeed();
  else if (parsed?.name === 'online-first') source = await loadOnlineFirstFeed();
  if (!parsed || !source) return htmlMessage(404, 'Not found', 'There is no such feed.');
  const journal = await db.journal.findFirst({ select: { title: true }, orderBy: { title: 'asc' } });
  const xml = renderFeed(source, parsed.format, { url: env.SITE_URL, journalTitle: journal?.title ?? 'Journal' });
  return new Response(xml, {
    headers: {
      'Content-Type': `${FEED_TYPES[parsed.format]}; charset=utf-8`,
      // The same for everyone (public metadata only), so shared caches may keep it a while.
      'Cache-Control': 'public, max-age=300',
    },
  });
}
