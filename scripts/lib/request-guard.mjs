// Requests our server refuses before Next sees them. Each rule answers a request that Next
// itself would answer with a 500 (or not check at all) with a 4xx and one plain sentence.
// Pure: scripts/server.mjs applies it, tests/unit/request-guard.test.ts covers every rule.

import { createRequire } from 'node:module';

// Next's own check of the router-state header (which it answers with a 500 when it fails).
const { parseAndValidateFlightRouterState } = createRequire(import.meta.url)(
  'next/dist/server/app-render/parse-and-validate-flight-router-state.js',
);

/** Our limit for a server action body: 1 MB, what a form of text needs (Next's own default). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

/**
 * The admin console's article import (/admin/articles) sends a JATS zip package of up to 30 MB
 * (lib/admin/articles.ts MAX_PACKAGE_BYTES) with its form around it. Next's serverActions
 * bodySizeLimit (next.config.js) is set to this for every action; every other page keeps the
 * 1 MB above (checked here, and a body without a length is refused).
 */
export const MAX_UPLOAD_ACTION_BODY_BYTES = 31 * 1024 * 1024;
const UPLOAD_PAGES = new Set(['/admin/articles']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SAML_ACS_PATH = '/saml/acs';

/** @param {string | undefined} origin @param {string | undefined} host */
function isSameOrigin(origin, host) {
  try {
    return Boolean(host) && new URL(origin ?? '').host === host;
  } catch {
    return false; // "null" (sandboxed frames, some redirects) or garbage
  }
}

/**
 * A state-changing request sent by a browser from another site. Browsers name the sender in
 * Sec-Fetch-Site (and Origin); a request with neither (curl, Stripe's webhook) carries no
 * visitor's cookies, so it is no cross-site forgery. Next checks the Origin of server actions
 * itself but answers 500; route handlers (our JSON APIs) it does not check at all.
 * @param {import('node:http').IncomingMessage} req
 */
function isCrossSite(req) {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return false;
  // The SAML assertion consumer: an institution's identity provider posts the reader's signed
  // answer from its own site by design (HTTP-POST binding). The answer, not the origin, is
  // checked there (signature, InResponseTo, audience, recipient, one use).
  if ((req.url ?? '').split('?')[0] === SAML_ACS_PATH) return false;
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  return origin !== undefined && !isSameOrigin(origin, req.headers.host);
}

/** @param {string | string[] | undefined} header */
function isRouterStateValid(header) {
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}

/**
 * The refusal for this request, or null to let Next handle it.
 * @param {import('node:http').IncomingMessage} req
 * @returns {{ status: number, message: string } | null}
 */
export function refuseRequest(req) {
  const url = req.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  try {
    // Next answers a path that is not valid percent-encoded UTF-8 ("/doi/10.1001/%E0%A4%A") with 500.
    decodeURIComponent(path);
  } catch {
    return { status: 400, message: 'The address is not valid: it has a broken %-escape. Check the link.' };
  }
  // PostgreSQL cannot compare text holding NUL: every lookup by a route param or query value
  // with %00 in it failed with a 500. No address of ours contains one.
  if (url.includes('%00'))
    return { status: 400, message: 'The address is not valid: it contains a NUL character (%00).' };
  // Sent by Next's client router only, always well-formed: a broken one is hand-made, and Next
  // answers it with a 500 (dynamic pages) or a redirect to the same address.
  if (!isRouterStateValid(req.headers['next-router-state-tree']))
    return { status: 400, message: 'The request is not valid: its router state header is malformed. Reload the page.' };
  if (isCrossSite(req))
    return {
      status: 403,
      message: "This request came from another website and was refused. Please use the journal's own pages.",
    };
  // Pages take POSTs only as server actions; Next answers 500 past its body limit.
  if (req.method === 'POST' && !path.startsWith('/api/')) {
    // A body sent in chunks has no length to check here, and Next's backstop is the upload's
    // 31 MB for every page. Browsers (and nginx, which buffers) always send the length.
    if (req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined)
      return { status: 411, message: 'The form was sent without its length. Please send it again from the page.' };
    const length = Number(req.headers['content-length'] ?? 0);
    const isUpload = UPLOAD_PAGES.has(path);
    if (length > (isUpload ? MAX_UPLOAD_ACTION_BODY_BYTES : MAX_ACTION_BODY_BYTES))
      return {
        status: 413,
        message: isUpload
          ? 'The upload is too large (over 30 MB). Nothing was changed.'
          : 'The form is too large (over 1 MB). Nothing was changed.',
      };
  }
  return null;
}

/**
 * Sends the refusal: JSON ({ error }) for our JSON routes under /api/, plain text elsewhere
 * (Next's client shows a text/plain answer to a server action as the error's message).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ status: number, message: string }} refusal
 */
export function sendRefusal(req, res, { status, message }) {
  const isApi = (req.url ?? '').startsWith('/api/');
  res.writeHead(status, {
    'Content-Type': isApi ? 'application/json' : 'text/plain',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(isApi ? JSON.stringify({ error: message }) : message);
}
