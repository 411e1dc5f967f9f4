import { getReaderTimeZoneWithSource } from '@/lib/time-zone/get-reader-time-zone';

/**
 * For a page that shows the reader's times: when they are in the journal's zone only because the
 * server does not know the browser's yet (its first page, before /time-zone.js has set the cookie),
 * says so, and the script loads the page again once it has. Per-reader pages only.
 */
export async function TimeZoneFallbackMarker() {
  const { source } = await getReaderTimeZoneWithSource();
  return source === 'journal' ? <span hidden data-time-zone-fallback="" /> : null;
}
