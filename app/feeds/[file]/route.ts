// GET /feeds/current-issue.rss|.atom, /feeds/online-first.rss|.atom – RSS and Atom feeds.
import { feedResponse } from '@/lib/feeds/feed-route';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return feedResponse((await params).file, 'site');
}
