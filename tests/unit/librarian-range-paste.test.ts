// The librarian's bulk paste of addresses: what each kind of line is read as, and what is refused.
import { describe, expect, it } from 'vitest';
import { parseRangeLine, parseRangePaste, rangeToCidrs } from '@/lib/librarian/parse-range-paste';

const cidrsOf = (text: string) => {
  const line = parseRangeLine(1, text);
  if (!line?.ok) throw new Error(`not read: ${text} (${line?.ok === false ? line.error : 'blank'})`);
  return line.ranges.map((r) => r.cidr);
};
const errorOf = (text: string) => {
  const line = parseRangeLine(1, text);
  return line && !line.ok ? line.error : null;
};

describe('one line of a paste', () => {
  it('reads single addresses as one-address ranges, IPv4 and IPv6 (in normal form)', () => {
    expect(cidrsOf('198.51.100.7')).toEqual(['198.51.100.7/32']);
    expect(cidrsOf('2001:DB8:0:0::7')).toEqual(['2001:db8::7/128']);
    expect(cidrsOf('::ffff:198.51.100.7')).toEqual(['198.51.100.7/32']);
  });

  it('reads CIDR ranges and stores host bits as the network, with a note', () => {
    expect(cidrsOf('192.0.2.0/24')).toEqual(['192.0.2.0/24']);
    const line = parseRangeLine(3, '198.51.100.77/24');
    expect(line).toMatchObject({ ok: true, line: 3, kind: 'cidr', notes: ['stored as 198.51.100.0/24'] });
    expect(cidrsOf('2001:db8:abcd::1/48')).toEqual(['2001:db8:abcd::/48']);
  });

  it('turns a-b ranges into the fewest CIDR blocks covering exactly those addresses', () => {
    expect(cidrsOf('198.51.100.0-198.51.100.255')).toEqual(['198.51.100.0/24']);
    expect(cidrsOf('198.51.100.10 - 198.51.100.20')).toEqual([
      '198.51.100.10/31',
      '198.51.100.12/30',
      '198.51.100.16/30',
      '198.51.100.20/32',
    ]);
    expect(cidrsOf('198.51.100.10-20')).toEqual(cidrsOf('198.51.100.10-198.51.100.20'));
    expect(cidrsOf('198.51.100.5–198.51.100.5')).toEqual(['198.51.100.5/32']); // an en dash, as word processors write it
    expect(cidrsOf('2001:db8::-2001:db8::ffff')).toEqual(['2001:db8::/112']);
    expect(cidrsOf('2001:db8::1-2001:db8::2')).toEqual(['2001:db8::1/128', '2001:db8::2/128']);
  });

  it('covers every address of a range once: block sizes add up to the range', () => {
    const start = 0xc6336407n; // 198.51.100.7
    const end = 0xc6336a2fn; // 198.51.106.47
    const blocks = rangeToCidrs(start, end, 'ipv4');
    const total = blocks.reduce((n, b) => n + 2n ** BigInt(32 - Number(b.split('/')[1])), 0n);
    expect(total).toBe(end - start + 1n);
    expect(blocks[0]).toBe('198.51.100.7/32');
    expect(blocks.at(-1)).toBe('198.51.106.32/28');
  });

  it('reads IPv4 wildcards for whole trailing parts', () => {
    expect(cidrsOf('198.51.100.*')).toEqual(['198.51.100.0/24']);
    expect(cidrsOf('172.20.*.*')).toEqual(['172.20.0.0/16']);
    expect(errorOf('198.51.*.7')).toMatch(/whole trailing parts/);
  });

  it('ignores comments and blank lines, and counts the addresses (IPv6 beyond 2^53 exactly)', () => {
    expect(parseRangeLine(1, '   # main campus')).toBeNull();
    expect(parseRangeLine(1, '198.51.100.0/24 # main campus')).toMatchObject({ ok: true, addressCount: '256' });
    expect(parseRangeLine(1, '2001:db8::/48')).toMatchObject({ ok: true, addressCount: (2n ** 80n).toString() });
  });

  it('refuses what is not an address, with the line’s own text in the message', () => {
    expect(errorOf('campus.example.edu')).toMatch(/“campus\.example\.edu” is not an IPv4 or IPv6 address/);
    expect(errorOf('198.51.100.300')).toMatch(/not an IPv4 or IPv6/);
    expect(errorOf('198.51.100.0/33')).toMatch(/prefix is 0 to 32/);
    expect(errorOf('198.51.100.20-198.51.100.10')).toMatch(/ends before it starts/);
    expect(errorOf('198.51.100.1-2001:db8::1')).toMatch(/mixes an IPv4 and an IPv6/);
    expect(errorOf('198.51.100.1 198.51.100.2')).toMatch(/one address or range on each line/);
    expect(errorOf('10')).toMatch(/not an IPv4 or IPv6/); // ipaddr.js alone would read "10" as 0.0.0.10
  });

  it('refuses ranges broad enough to open the journal to a large part of the internet', () => {
    expect(errorOf('0.0.0.0/0')).toMatch(/too broad: an IPv4 range may be at most \/8/);
    expect(errorOf('0.0.0.0-255.255.255.255')).toMatch(/too broad/);
    expect(errorOf('2000::/3')).toMatch(/too broad: an IPv6 range may be at most \/20/);
    expect(parseRangeLine(1, '11.0.0.0/8')).toMatchObject({ ok: true });
  });

  it('warns, without refusing, for very large, private and reserved ranges', () => {
    const warningsOf = (text: string) => {
      const line = parseRangeLine(1, text);
      return line?.ok ? line.warnings : [];
    };
    expect(warningsOf('11.0.0.0/12').join(' ')).toMatch(/very large range \(1,048,576 addresses\)/);
    expect(warningsOf('10.1.2.0/24').join(' ')).toMatch(/10\.0\.0\.0\/8, a private network \(RFC 1918\)/);
    expect(warningsOf('192.168.1.1').join(' ')).toMatch(/private network.*public address/);
    expect(warningsOf('127.0.0.1').join(' ')).toMatch(/loopback/);
    expect(warningsOf('fd12:3456::/48').join(' ')).toMatch(/unique local/);
    expect(warningsOf('fe80::1').join(' ')).toMatch(/link-local/);
    expect(warningsOf('2001:db8::/48').join(' ')).toMatch(/documentation range \(RFC 3849\)/);
    expect(warningsOf('100.64.0.0/16').join(' ')).toMatch(/carrier-grade NAT/);
    expect(warningsOf('8.8.8.0/24')).toEqual([]);
    expect(warningsOf('2a00:1450::/32')).toEqual([]);
  });
});

describe('a whole paste', () => {
  it('numbers lines as pasted (blank lines count) and lists every unreadable one', () => {
    const paste = parseRangePaste('198.51.100.0/24\n\nnot-an-ip\r\n2001:db8::/48\nalso bad\n');
    expect(paste.lines.map((l) => [l.line, l.ok])).toEqual([
      [1, true],
      [3, false],
      [4, true],
      [5, false],
    ]);
    expect(paste.problems).toHaveLength(2);
    expect(paste.problems[0]).toMatch(/^Line 3: “not-an-ip”/);
  });

  it('refuses more than 1,000 lines at once', () => {
    const paste = parseRangePaste(Array.from({ length: 1001 }, (_, i) => `8.8.${i >> 8}.${i & 255}`).join('\n'));
    expect(paste.problems).toEqual(['Paste at most 1000 lines at a time.']);
    expect(paste.lines).toEqual([]);
  });
});
