// The pure parts of COUNTER processing: robots (COUNTER's own list), the user-session key, and the
// R5.1 request parameters with their exceptions.
import { describe, expect, it } from 'vitest';
import { isRobot } from '@/lib/usage/is-robot';
import { sessionKeyOf } from '@/lib/usage/session-key';
import { parseReportRequest } from '@/lib/counter/parse-report-request';
import { CounterRequestError } from '@/lib/counter/counter-exceptions';
import { findReport } from '@/lib/counter/report-definitions';

const NOW = new Date('2026-06-15T12:00:00Z');
const parse = (path: string, query: Record<string, string>) =>
  parseReportRequest(findReport(path)!, new URLSearchParams(query), NOW);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 0;
  } catch (error) {
    return error instanceof CounterRequestError ? error.exception.Code : -1;
  }
};

describe('robots', () => {
  it('match COUNTER’s list case-insensitively, and a missing user agent', () => {
    expect(isRobot('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')).toBe(true);
    expect(isRobot('python-requests/2.31.0')).toBe(true);
    expect(isRobot('curl/8.5.0')).toBe(true);
    expect(isRobot('')).toBe(true);
    expect(isRobot(null)).toBe(true);
    expect(
      isRobot(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      ),
    ).toBe(false);
    expect(
      isRobot(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Version/17.1 Mobile/15E148 Safari/604.1',
      ),
    ).toBe(false);
  });
});

describe('user-session key', () => {
  const secret = 'test secret';
  const address = { sessionId: null, userId: null, ip: '192.1.1.168', userAgent: 'Mozilla/5.0' };
  it('is address + user agent + date + hour without a session (§7.3), and holds no address', () => {
    const a = sessionKeyOf(address, new Date('2024-06-15T13:35:00Z'), secret);
    expect(sessionKeyOf(address, new Date('2024-06-15T13:59:59Z'), secret)).toBe(a);
    expect(sessionKeyOf(address, new Date('2024-06-15T14:00:00Z'), secret)).not.toBe(a);
    expect(sessionKeyOf({ ...address, userAgent: 'Other' }, new Date('2024-06-15T13:35:00Z'), secret)).not.toBe(a);
    expect(a).not.toContain('192');
  });
  it('is the logged session + date when there is one', () => {
    const s = { ...address, sessionId: 's1', userId: 'u1' };
    expect(sessionKeyOf(s, new Date('2024-06-15T01:00:00Z'), secret)).toBe(
      sessionKeyOf({ ...s, ip: '10.0.0.1' }, new Date('2024-06-15T23:00:00Z'), secret),
    );
  });
});

describe('R5.1 report parameters', () => {
  it('take yyyy-mm and yyyy-mm-dd as whole months', () => {
    const r = parse('tr_j1', { begin_date: '2026-01-15', end_date: '2026-03' });
    expect([r.begin.toISOString(), r.end.toISOString()]).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
    ]);
    expect(r.warnings).toEqual([]);
  });
  it('refuse missing, malformed and reversed dates', () => {
    expect(codeOf(() => parse('tr_j1', { begin_date: '2026-01' }))).toBe(1030);
    expect(codeOf(() => parse('tr_j1', { begin_date: '2026-13', end_date: '2026-12' }))).toBe(3020);
    expect(codeOf(() => parse('tr_j1', { begin_date: '2026-02-30', end_date: '2026-03' }))).toBe(3020);
    expect(codeOf(() => parse('tr_j1', { begin_date: '2026-05', end_date: '2026-01' }))).toBe(3020);
    expect(codeOf(() => parse('tr_j1', { begin_date: '2027-01', end_date: '2027-02' }))).toBe(3020);
  });
  it('warn of months not ready, unknown parameters and values, and use the rest', () => {
    const r = parse('tr', {
      begin_date: '2026-01',
      end_date: '2026-12',
      metric_type: 'total_item_requests|Nope',
      access_type: 'Controlled',
      yop: '2020-2022|1999|19x9',
      attributes_to_show: 'YOP|Shoe_Size',
      flavour: 'x',
    });
    expect(r.end.toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(r.metricTypes).toEqual(['Total_Item_Requests']);
    expect(r.accessTypes).toEqual(['Controlled']);
    expect(r.yops).toEqual([
      [2020, 2022],
      [1999, 1999],
    ]);
    expect(r.attributes).toEqual(['YOP']);
    expect(r.warnings.map((w) => `${w.Code} ${w.Data}`).sort()).toEqual([
      '3031 Usage is available up to 2026-07 (exclusive)',
      '3050 flavour',
      '3060 metric_type:Nope',
      '3060 yop:19x9',
      '3062 attributes_to_show:Shoe_Size',
    ]);
  });
  it('standard views take only the dates (filters there are 3050)', () => {
    const r = parse('tr_j1', { begin_date: '2026-01', end_date: '2026-02', metric_type: 'No_License' });
    expect(r.metricTypes).toEqual(['Total_Item_Requests', 'Unique_Item_Requests']);
    expect(r.accessTypes).toEqual(['Controlled']);
    expect(r.warnings.map((w) => w.Code)).toEqual([3050]);
  });
});
