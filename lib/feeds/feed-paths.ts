// Where each feed lives, so the routes, the feeds' self links and the pages' autodiscovery
// <link rel="alternate"> tags agree.
export type FeedFormat = 'rss' | 'atom';
export type FeedRef = { kind: 'current-issue' | 'online-first' | 'topic'; pagePath: string };

const EXTENSION: Record<FeedFormat, string> = { rss: 'rss', atom: 'atom' };
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
};

export function feedPath(ref: FeedRef, format: FeedFormat): string {
  const base = ref.kind === 'topic' ? `/feeds${ref.pagePath}` : `/feeds/${ref.kind}`;
  return `${base}.${EXTENSION[format]}`;
}

/** "current-issue.rss" → { name: 'current-issue', format: 'rss' }; null for anything else. */
export function parseFeedFile(file: string): { name: string; format: FeedFormat } | null {
  const match = /^([a-z0-9-]{1,80})\.(rss|atom)$/.exec(file);
  return match ? { name: match[1]!, format: match[2] as FeedFormat } : null;
}

type Alternates = Record<string, { url: string; title: string }[]>;

/** Next metadata `alternates.types` for feeds: RSS and Atom of each. */
export function feedAlternates(feeds: (FeedRef & { title: string })[]): Alternates {
  const types: Alternates = { [FEED_TYPES.rss]: [], [FEED_TYPES.atom]: [] };
  for (const f of feeds) {
    types[FEED_TYPES.rss]!.push({ url: feedPath(f, 'rss'), title: `${f.title} (RSS)` });
    types[FEED_TYPES.atom]!.push({ url: feedPath(f, 'atom'), title: `${f.title} (Atom)` });
  }
  return types;
}

export const SITE_FEEDS: (FeedRef & { title: string })[] = [
  { kind: 'current-issue', pagePath: '/', title: 'Current issue' },
  { kind: 'online-first', pagePath: '/', title: 'Online first' },
];
