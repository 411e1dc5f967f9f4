// The client's address: where the access decision starts (institution ranges), and what sign-in
// limits and usage reports count by. The domain's, so it lives here rather than in lib/http/.
import 'server-only';
import { env } from '@/lib/env';
import { compileTrustedProxies, resolveClientIp } from './resolve-client-ip.mjs';

export { compileTrustedProxies, resolveClientIp };

/**
 * Header our own server (scripts/server.mjs) sets on every request from the socket's address,
 * replacing whatever a client sent. Next alone only fills X-Forwarded-For when it is missing,
 * so that header cannot be believed by itself.
 */
export const PEER_IP_HEADER = 'x-journal-peer-ip';

const trustConfigured = compileTrustedProxies(env.TRUSTED_PROXIES);

export function clientIpFromHeaders(headers: Headers): string | null {
  return resolveClientIp(headers.get(PEER_IP_HEADER), headers.get('x-forwarded-for'), trustConfigured);
}
