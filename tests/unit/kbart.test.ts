// KBART title lists (NISO RP-9-2014): the Phase II columns in order, tab-separated, and the file name convention.
import { describe, expect, it } from 'vitest';
import { formatKbart, kbartDate, kbartFileName, KBART_COLUMNS, serialRow } from '@/lib/librarian/kbart';

const HOLDING = {
  title: 'Archives of Dermatology',
  printIssn: '0003-987X',
  onlineIssn: '1538-3652',
  titleId: 'archdermatol',
  titleUrl: 'https://journal.example.org/issues',
  publisher: 'Sample Medical Publishing',
  first: { date: '2011-12', volume: '147', issue: '12' },
  last: null,
};

describe('KBART', () => {
  it('has the 25 columns of KBART Phase II in the standard’s order', () => {
    expect(KBART_COLUMNS).toHaveLength(25);
    expect(KBART_COLUMNS.slice(0, 3)).toEqual(['publication_title', 'print_identifier', 'online_identifier']);
    expect(KBART_COLUMNS.at(-1)).toBe('access_type');
    expect(KBART_COLUMNS.indexOf('coverage_depth')).toBe(13);
    expect(KBART_COLUMNS.indexOf('publication_type')).toBe(16);
  });

  it('writes a header and one tab-separated row per title, sorted by title, blank last issue for ongoing', () => {
    const text = formatKbart([serialRow({ ...HOLDING, title: 'Zeta\tJournal' }), serialRow(HOLDING)]);
    const [header, first, second, end] = text.split('\n');
    expect(header).toBe(KBART_COLUMNS.join('\t'));
    const cells = (first ?? '').split('\t');
    expect(cells).toHaveLength(25);
    const row = Object.fromEntries(KBART_COLUMNS.map((c, i) => [c, cells[i]]));
    expect(row).toMatchObject({
      publication_title: 'Archives of Dermatology',
      print_identifier: '0003-987X',
      online_identifier: '1538-3652',
      date_first_issue_online: '2011-12',
      num_first_vol_online: '147',
      num_first_issue_online: '12',
      date_last_issue_online: '',
      num_last_vol_online: '',
      title_url: 'https://journal.example.org/issues',
      title_id: 'archdermatol',
      coverage_depth: 'fulltext',
      publication_type: 'serial',
      access_type: 'P',
    });
    // A tab inside a value never shifts the columns.
    expect((second ?? '').split('\t')[0]).toBe('Zeta Journal');
    expect((second ?? '').split('\t')).toHaveLength(25);
    expect(end).toBe('');
  });

  it('dates to the precision known, and fills the last issue of a ceased title', () => {
    expect(kbartDate(2011, 4)).toBe('2011-04');
    expect(kbartDate(2011, null)).toBe('2011');
    const row = serialRow({ ...HOLDING, last: { date: '2013', volume: '149', issue: '6' } });
    expect(row).toMatchObject({
      date_last_issue_online: '2013',
      num_last_vol_online: '149',
      num_last_issue_online: '6',
    });
  });

  it('names the file ProviderName_Institution_PackageName_YYYY-MM-DD.txt', () => {
    expect(
      kbartFileName(
        'Sample Medical Publishing (demo)',
        'Demo University Hospital',
        'AllTitles',
        new Date('2026-12-01T23:59:00Z'),
      ),
    ).toBe('SampleMedicalPublishing_DemoUniversityHospital_AllTitles_2026-12-01.txt');
    expect(kbartFileName('Éditions d’Été', 'St. Mary’s & Co.', 'AllTitles', new Date('2026-01-05T00:00:00Z'))).toBe(
      'EditionsDEte_StMarysCo_AllTitles_2026-01-05.txt',
    );
  });
});
