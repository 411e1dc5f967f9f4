// Which article-page requests get the per-reader page (app/(reader)/reader/doi/…) instead of the
// page shared by every visitor (app/(article)/doi/…). Shared by our HTTP server, which also knows
// the client's address and the institution ranges (scripts/server.mjs), and Next's proxy.ts,
// which rewrites; so the rule is written once. Choosing the per-reader page grants nothing: that
// page asks the access decision. Choosing the shared page can only show less, never more.

/** Set by scripts/server.mjs ("1") on a request that could be entitled; a client's own value is removed first. */
export const READER_HEADER = 'x-journal-reader';

/** The article page's path (the page itself, not its PDF or citation files). */
export const ARTICLE_PAGE_PATH = /^\/doi\/10\.\d{4,9}\/[^/]+$/;

// next-auth's session cookie (chunked when large; __Secure- prefixed on https). Only its presence
// counts here; the per-reader page checks it against the database.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=[^;]/;
// An institution sign-in (SAML, lib/saml/institution-session-cookie.ts): only its presence counts
// here too; the per-reader page looks the session up.
const INSTITUTION_SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?journal\.institution-session=[^;]/;
// The reader's own display choices, rendered into the page so they apply without JavaScript.
const TEXT_SIZE_COOKIE = /(?:^|;\s*)text-size=(?:small|large)(?:;|$)/;
const BOX_ORDER_COOKIE = /(?:^|;\s*)related-order=[a-z.~-]+/;

/**
 * True when the Cookie header carries a session (personal or institution) or the reader's own
 * display settings.
 * @param {string | null | undefined} cookieHeader
 */
export function hasReaderCookies(cookieHeader) {
  if (!cookieHeader) return false;
  return (
    SESSION_COOKIE.test(cookieHeader) ||
    INSTITUTION_SESSION_COOKIE.test(cookieHeader) ||
    TEXT_SIZE_COOKIE.test(cookieHeader) ||
    BOX_ORDER_COOKIE.test(cookieHeader)
  );
}
