// A librarian's pasted list of addresses, one entry a line, read into CIDR ranges. Pure.
// Accepted on a line: a single address (203.0.113.7, 2001:db8::7), a CIDR range (203.0.113.0/24),
// a range "a-b" (203.0.113.10-203.0.113.99, 2001:db8::-2001:db8::ffff; IPv4 also 203.0.113.10-99),
// or an IPv4 wildcard (203.0.113.*). "#" starts a comment. Ranges are stored as CIDR (what the
// database matches with `cidr >>= inet`), so "a-b" becomes the fewest CIDR blocks that cover it exactly.
import ipaddr from 'ipaddr.js';
import { parseRange, type ParsedRange } from '@/lib/admin/ip-ranges';
import { describeSpecialRange } from './special-ranges';

export const MAX_PASTE_LINES = 1000;
/** Blocks one line may expand to (an IPv6 "a-b" range can need up to 254). */
const MAX_BLOCKS_PER_LINE = 256;

/** Broader than these is refused (it would open the journal to a large part of the internet). */
const MIN_BITS = { ipv4: 8, ipv6: 20 } as const;
/** Broader than these is allowed with a warning (few institutions hold that much). */
const WARN_BITS = { ipv4: 16, ipv6: 32 } as const;

export type EntryKind = 'address' | 'cidr' | 'range' | 'wildcard';

export type ParsedLine =
  | {
      line: number;
      text: string;
      ok: true;
      kind: EntryKind;
      family: 'ipv4' | 'ipv6';
      ranges: ParsedRange[];
      /** Addresses covered, as a decimal string (IPv6 counts exceed 2^53). */
      addressCount: string;
      /** What we did with the entry, e.g. "stored as 203.0.113.0/24". */
      notes: string[];
      warnings: string[];
    }
  | { line: number; text: string; ok: false; error: string };

export type ParsedPaste = { lines: ParsedLine[]; problems: string[] };

const BITS = { ipv4: 32, ipv6: 128 } as const;

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return address.toByteArray().reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
}

function fromBigInt(value: bigint, family: 'ipv4' | 'ipv6'): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes: number[] = [];
  for (let i = 0; i < BITS[family] / 8; i++) bytes.unshift(Number((value >> BigInt(8 * i)) & 0xffn));
  return ipaddr.fromByteArray(bytes);
}

/** The fewest CIDR blocks covering start..end exactly (both inclusive, same family). */
export function rangeToCidrs(start: bigint, end: bigint, family: 'ipv4' | 'ipv6'): string[] {
  const width = BITS[family];
  const blocks: string[] = [];
  let cursor = start;
  while (cursor <= end) {
    // The largest block aligned at `cursor` that does not run past `end`.
    let size = 0;
    while (
      size < width &&
      (cursor & ((1n << BigInt(size + 1)) - 1n)) === 0n &&
      cursor + (1n << BigInt(size + 1)) - 1n <= end
    )
      size++;
    blocks.push(`${fromBigInt(cursor, family).toString()}/${width - size}`);
    cursor += 1n << BigInt(size);
    if (blocks.length > MAX_BLOCKS_PER_LINE) break;
  }
  return blocks;
}

/** A plain address, or null. IPv4-mapped IPv6 (::ffff:a.b.c.d) is read as the IPv4 address readers arrive with. */
function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(text)) return null;
  // ipaddr.js also reads "10" or "0x0a.1" as IPv4; only the four-part dotted form is an address here.
  if (!text.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(text)) return null;
  const parsed = ipaddr.parse(text);
  return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
}

type Expanded = { kind: EntryKind; family: 'ipv4' | 'ipv6'; cidrs: string[]; notes: string[] } | string;

function expandWildcard(text: string): Expanded {
  const parts = text.split('.');
  const firstStar = parts.indexOf('*');
  if (parts.length !== 4 || firstStar < 1 || parts.slice(firstStar).some((p) => p !== '*'))
    return `“${text}”: a wildcard stands for whole trailing parts only, e.g. 203.0.113.* or 203.0.*.*.`;
  const fixed = parts.slice(0, firstStar);
  const base = [...fixed, ...parts.slice(firstStar).map(() => '0')].join('.');
  if (!ipaddr.IPv4.isValidFourPartDecimal(base)) return `“${text}” is not an IPv4 address pattern.`;
  return { kind: 'wildcard', family: 'ipv4', cidrs: [`${base}/${fixed.length * 8}`], notes: [] };
}

function expandRange(text: string, from: string, to: string): Expanded {
  const start = parseAddress(from);
  if (!start) return `“${text}”: the start, “${from}”, is not an IPv4 or IPv6 address.`;
  // IPv4 shorthand "203.0.113.10-99": the end replaces the last part(s) of the start.
  let endText = to;
  if (start.kind() === 'ipv4' && /^\d{1,3}(\.\d{1,3}){0,2}$/.test(to)) {
    const startParts = from.split('.');
    const toParts = to.split('.');
    endText = [...startParts.slice(0, 4 - toParts.length), ...toParts].join('.');
  }
  const end = parseAddress(endText);
  if (!end) return `“${text}”: the end, “${to}”, is not an IPv4 or IPv6 address.`;
  if (start.kind() !== end.kind()) return `“${text}” mixes an IPv4 and an IPv6 address.`;
  const family = start.kind();
  const [a, b] = [toBigInt(start), toBigInt(end)];
  if (a > b) return `“${text}”: the range ends before it starts (${start.toString()} comes after ${end.toString()}).`;
  const cidrs = rangeToCidrs(a, b, family);
  if (cidrs.length > MAX_BLOCKS_PER_LINE)
    return `“${text}” needs more than ${MAX_BLOCKS_PER_LINE} CIDR blocks; please give it as CIDR ranges.`;
  const notes =
    cidrs.length === 1 ? [`stored as ${cidrs[0]}`] : [`stored as ${cidrs.length} CIDR blocks: ${cidrs.join(', ')}`];
  return { kind: 'range', family, cidrs, notes };
}

function expandCidr(text: string): Expanded {
  const [addressText = '', bitsText = ''] = text.split('/');
  const address = parseAddress(addressText);
  if (!address || !/^\d{1,3}$/.test(bitsText))
    return `“${text}” is not an IPv4 or IPv6 range (e.g. 203.0.113.0/24 or 2001:db8::/48).`;
  let bits = Number(bitsText);
  // A mapped IPv6 range (::ffff:203.0.113.0/120) is the IPv4 range its readers arrive from.
  if (address.kind() === 'ipv4' && addressText.includes(':')) bits -= 96;
  const family = address.kind();
  if (bits < 0 || bits > BITS[family])
    return `“${text}”: an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} prefix is 0 to ${BITS[family]}.`;
  const parsed = parseRange(`${address.toString()}/${bits}`);
  if (typeof parsed === 'string') return parsed;
  const notes = parsed.cidr !== text ? [`stored as ${parsed.cidr}`] : [];
  return { kind: 'cidr', family, cidrs: [parsed.cidr], notes };
}

function expandEntry(text: string): Expanded {
  const range = /^([^\s\-–]+)\s*[-–]\s*([^\s\-–]+)$/.exec(text);
  if (range) return expandRange(text, range[1] ?? '', range[2] ?? '');
  if (/\s/.test(text)) return `“${text}”: put one address or range on each line.`;
  if (text.includes('*')) return expandWildcard(text);
  if (text.includes('/')) return expandCidr(text);
  const address = parseAddress(text);
  if (!address)
    return `“${text}” is not an IPv4 or IPv6 address or range (e.g. 203.0.113.7, 203.0.113.0/24, 203.0.113.10-203.0.113.99).`;
  const family = address.kind();
  return { kind: 'address', family, cidrs: [`${address.toString()}/${BITS[family]}`], notes: [] };
}

/** Reads one line (already without its comment); null for a blank line. */
export function parseRangeLine(line: number, raw: string): ParsedLine | null {
  const text = raw.replace(/#.*$/, '').trim();
  if (!text) return null;
  const expanded = expandEntry(text);
  if (typeof expanded === 'string') return { line, text, ok: false, error: expanded };
  const ranges = expanded.cidrs.map((c) => parseRange(c)).filter((r): r is ParsedRange => typeof r !== 'string');
  const widest = Math.min(...ranges.map((r) => r.bits));
  const family = expanded.family;
  const label = family === 'ipv4' ? 'IPv4' : 'IPv6';
  if (widest < MIN_BITS[family])
    return {
      line,
      text,
      ok: false,
      error: `“${text}” is too broad: an ${label} range may be at most /${MIN_BITS[family]}. Please give your institution’s own networks.`,
    };
  const count = ranges.reduce((sum, r) => sum + (1n << BigInt(BITS[family] - r.bits)), 0n);
  const warnings: string[] = [];
  if (widest < WARN_BITS[family])
    warnings.push(
      `A very large range (${count.toLocaleString('en-US')} addresses): please check it is all your institution’s.`,
    );
  for (const r of ranges) {
    const special = describeSpecialRange(r);
    if (special) warnings.push(special);
  }
  return {
    line,
    text,
    ok: true,
    kind: expanded.kind,
    family,
    ranges,
    addressCount: count.toString(),
    notes: expanded.notes,
    warnings: [...new Set(warnings)],
  };
}

/** Reads a whole paste. `problems` lists every line that could not be read (then nothing may be saved). */
export function parseRangePaste(text: string): ParsedPaste {
  const rawLines = text.split(/\r\n|\r|\n/);
  if (rawLines.filter((l) => l.trim()).length > MAX_PASTE_LINES)
    return { lines: [], problems: [`Paste at most ${MAX_PASTE_LINES} lines at a time.`] };
  const lines = rawLines.map((raw, i) => parseRangeLine(i + 1, raw)).filter((l): l is ParsedLine => l !== null);
  const problems = lines.flatMap((l) => (l.ok ? [] : [`Line ${l.line}: ${l.error}`]));
  return { lines, problems };
}
