import 'server-only';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';
import { env } from '@/lib/env';

/**
 * Header our own server (scripts/server.mjs) sets on every request from the socket's address,
 * replacing whatever a client sent. Next alone only fills X-Forwarded-For when it is missing,
 * so that header cannot be believed by itself.
 */
export const PEER_IP_HEADER = 'x-journal-peer-ip';

function normalize(ip: string): string | null {
  if (!ipaddr.isValid(ip)) return null;
  const parsed = ipaddr.parse(ip);
  // IPv4 clients on a dual-stack socket arrive as ::ffff:a.b.c.d.
  return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()
    ? parsed.toIPv4Address().toString()
    : parsed.toString();
}

/**
 * The client's address: the socket peer, or, when the peer is a trusted proxy, the address
 * that proxy reports in X-Forwarded-For (walking back through further trusted proxies).
 * null when unknown, which grants nothing.
 */
export function resolveClientIp(
  peer: string | null,
  forwardedFor: string | null,
  trust: (addr: string, i: number) => boolean,
): string | null {
  if (!peer) return null;
  const request = {
    headers: { 'x-forwarded-for': forwardedFor ?? '' },
    connection: { remoteAddress: peer },
    socket: { remoteAddress: peer },
  };
  return normalize(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trust));
}

export function compileTrustedProxies(list: string): (addr: string, i: number) => boolean {
  return proxyaddr.compile(
    list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

const trustConfigured = compileTrustedProxies(env.TRUSTED_PROXIES);

export function clientIpFromHeaders(headers: Headers): string | null {
  return resolveClientIp(headers.get(PEER_IP_HEADER), headers.get('x-forwarded-for'), trustConfigured);
}
