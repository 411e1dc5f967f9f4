// Address blocks that are not ordinary public internet addresses (IANA's special-purpose
// registries, RFC 6890 and successors). A range touching one is allowed with a warning: such an
// address never reaches our site as a reader's address, or only in tests and examples. Pure.
import { parseRange, rangesOverlap, type ParsedRange } from '@/lib/admin/ip-ranges';

const SPECIAL: [cidr: string, what: string][] = [
  ['0.0.0.0/8', '“this network” addresses (RFC 1122)'],
  ['10.0.0.0/8', 'a private network (RFC 1918)'],
  ['100.64.0.0/10', 'carrier-grade NAT space (RFC 6598)'],
  ['127.0.0.0/8', 'loopback addresses (RFC 1122)'],
  ['169.254.0.0/16', 'link-local addresses (RFC 3927)'],
  ['172.16.0.0/12', 'a private network (RFC 1918)'],
  ['192.0.0.0/24', 'IETF protocol assignments (RFC 6890)'],
  ['192.0.2.0/24', 'a documentation range (RFC 5737)'],
  ['192.168.0.0/16', 'a private network (RFC 1918)'],
  ['198.18.0.0/15', 'benchmarking addresses (RFC 2544)'],
  ['198.51.100.0/24', 'a documentation range (RFC 5737)'],
  ['203.0.113.0/24', 'a documentation range (RFC 5737)'],
  ['224.0.0.0/4', 'multicast addresses (RFC 5771)'],
  ['240.0.0.0/4', 'reserved addresses (RFC 1112)'],
  ['::/128', 'the unspecified address (RFC 4291)'],
  ['::1/128', 'the loopback address (RFC 4291)'],
  ['100::/64', 'discard-only addresses (RFC 6666)'],
  ['2001:db8::/32', 'a documentation range (RFC 3849)'],
  ['fc00::/7', 'unique local addresses, IPv6’s private networks (RFC 4193)'],
  ['fe80::/10', 'link-local addresses (RFC 4291)'],
  ['ff00::/8', 'multicast addresses (RFC 4291)'],
];

const PARSED = SPECIAL.map(([cidr, what]) => ({ range: parseRange(cidr) as ParsedRange, cidr, what }));

/** A warning naming the special block `range` lies in or overlaps, or null for ordinary addresses. */
export function describeSpecialRange(range: ParsedRange): string | null {
  const hit = PARSED.find((s) => rangesOverlap(range, s.range));
  if (!hit) return null;
  const why =
    hit.what.includes('private') || hit.what.includes('NAT')
      ? 'readers on it reach us through your public address, so enter that instead'
      : 'readers never arrive from it on the internet';
  return `${range.cidr} is in ${hit.cidr}, ${hit.what}: ${why}.`;
}
