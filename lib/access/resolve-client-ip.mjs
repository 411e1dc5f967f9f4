// The client's address from the socket peer and X-Forwarded-For, believing the header only from
// trusted proxies. Pure and plain JavaScript: the app (lib/access/client-ip.ts) and our HTTP server
// (scripts/server.mjs, which decides before Next renders whether a request could be entitled)
// must agree on the address to the letter, so both use this one module.
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/** @param {string} ip */
function normalize(ip) {
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
 * @param {string | null} peer
 * @param {string | null} forwardedFor
 * @param {(addr: string, i: number) => boolean} trust
 * @returns {string | null}
 */
export function resolveClientIp(peer, forwardedFor, trust) {
  if (!peer) return null;
  const request = {
    headers: { 'x-forwarded-for': forwardedFor ?? '' },
    connection: { remoteAddress: peer },
    socket: { remoteAddress: peer },
  };
  return normalize(proxyaddr(/** @type {any} */ (request), trust));
}

/**
 * @param {string} list comma-separated addresses, ranges or proxy-addr names ("loopback")
 * @returns {(addr: string, i: number) => boolean}
 */
export function compileTrustedProxies(list) {
  return proxyaddr.compile(
    list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}
