// IPv4/IPv6 CIDR ranges for institutions: validation, normal form and overlap checks. Pure.
import ipaddr from 'ipaddr.js';

export type ParsedRange = { cidr: string; kind: 'ipv4' | 'ipv6'; address: ipaddr.IPv4 | ipaddr.IPv6; bits: number };

/** "10.0.0.0/8" → normal form, or an error message naming the bad entry. */
export function parseRange(input: string): ParsedRange | string {
  const text = input.trim();
  const withBits = text.includes('/')
    ? text
    : `${text}/${ipaddr.IPv6.isValid(text) && !ipaddr.IPv4.isValid(text) ? 128 : 32}`;
  if (!ipaddr.isValidCIDR(withBits))
    return `“${text}” is not an IPv4 or IPv6 range (e.g. 203.0.113.0/24 or 2001:db8::/48).`;
  const [address, bits] = ipaddr.parseCIDR(withBits);
  const kind = address.kind();
  // Store the network address, so 203.0.113.7/24 becomes 203.0.113.0/24 (PostgreSQL's cidr type requires it).
  const network =
    kind === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(withBits) : ipaddr.IPv6.networkAddressFromCIDR(withBits);
  return { cidr: `${network.toString()}/${bits}`, kind, address: network, bits };
}

export function rangesOverlap(a: ParsedRange, b: ParsedRange): boolean {
  if (a.kind !== b.kind) return false;
  const smaller = Math.min(a.bits, b.bits);
  // Same family (checked above), so the cast only satisfies the IPv4 | IPv6 union.
  return a.address.match(b.address, smaller);
}

/** Parses every line; returns the ranges or the list of problems. */
export function parseRanges(lines: string[]): { ranges: ParsedRange[]; problems: string[] } {
  const ranges: ParsedRange[] = [];
  const problems: string[] = [];
  for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
    const parsed = parseRange(line);
    if (typeof parsed === 'string') problems.push(parsed);
    else ranges.push(parsed);
  }
  return { ranges, problems };
}
