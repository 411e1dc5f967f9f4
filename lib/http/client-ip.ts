import 'server-only';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';
import { env } from '@/lib/env';

/**
 * Header our own server (scripts/server.ts) sets on every request from the socket's address,
 * replacing whatever a client sent. Next alone only fills X-Forwarded-For when it is missing,
 * so that header cannot be believed by itself.
 */
export const PEER_IP_HEADER = 'x-journal-peer-ip';

const trust = proxyaddr.compile(
  env.TRUSTED_PROXIES.split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

function normalize(ip: string): string | null {
  if (!ipaddr.isValid(ip)) return null;
  const parsed = ipaddr.parse(ip);
  // IPv4 clients on a dual-stack socket arrive as ::ffff:a.b.c.d.
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address().toString()
    : parsed.toString();
}

/**
 * The client's address: the socket peer, or, when the peer is a trusted proxy, the address
 * that proxy reports in X-Forwarded-For (walking back through further trusted proxies).
 * null when unknown, which grants nothing.
 */
export function clientIpFromHeaders(headers: Headers): string | null {
  const peer = headers.get(PEER_IP_HEADER);
  if (!peer) return null;
  const forwarded = headers.get('x-forwarded-for') ?? '';
  const request = { headers: { 'x-forwarded-for': forwarded }, connection: { remoteAddress: peer }, socket: { remoteAddress: peer } };
  return normalize(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trust));
}
