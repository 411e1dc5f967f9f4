import { describe, expect, it } from 'vitest';
import { groupUsageRows } from '@/lib/usage/group-usage-rows';

type Row = { at: string; kind: string; sk: string };
const key = (f: Omit<Row, 'at'>) => `${f.kind}|${f.sk}`;

describe('groupUsageRows', () => {
  it('keeps each distinct set of facts once and every use, in order, with its time', () => {
    const rows: Row[] = [
      { at: 't1', kind: 'request', sk: 'a' },
      { at: 't2', kind: 'request', sk: 'b' },
      { at: 't3', kind: 'request', sk: 'a' },
      { at: 't4', kind: 'investigation', sk: 'a' },
    ];
    expect(groupUsageRows(rows, key)).toEqual({
      facts: [
        { kind: 'request', sk: 'a' },
        { kind: 'request', sk: 'b' },
        { kind: 'investigation', sk: 'a' },
      ],
      ats: ['t1', 't2', 't3', 't4'],
      factIndexes: [0, 1, 0, 2],
    });
  });

  it('gives nothing for no rows', () => {
    expect(groupUsageRows<Row>([], key)).toEqual({ facts: [], ats: [], factIndexes: [] });
  });
});
