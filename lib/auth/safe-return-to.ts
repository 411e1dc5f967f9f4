import { env } from '@/lib/env';

/**
 * The path a reader may be sent back to after sign-in, checkout and the like: `value` resolved
 * against the site's address as a browser would resolve it, kept only when it stays on the site.
 * Browsers drop tabs and newlines and read `\` as `/`, so "/\t/evil.example" means
 * "//evil.example", another site: a prefix check alone cannot see that. The answer is the
 * resolved, percent-encoded path, so it is also safe in a Location header.
 */
export function safeReturnTo(value: unknown, fallback = '/account', siteUrl = env.SITE_URL): string {
  if (typeof value !== 'string' || value.length >= 500 || !value.startsWith('/')) return fallback;
  const site = new URL(siteUrl);
  let url: URL;
  try {
    url = new URL(value, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site.origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
