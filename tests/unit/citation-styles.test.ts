import { describe, expect, it } from 'vitest';
import { formatBibtex, formatRis, type ExportableArticle } from '@/lib/articles/export-citation';
import { formatCitationLine } from '@/lib/articles/format-citation';
import { formatCitationStyles } from '@/lib/articles/format-citation-styles';

const article: ExportableArticle = {
  doi: '10.1001/archderm.148.4.543',
  title: 'Poor Benefit/Risk Balance of Intravenous Immunoglobulins in DRESS',
  subtitle: null,
  fpage: '543',
  lpage: '544',
  elocationId: null,
  publishedOnline: new Date('2011-12-19T00:00:00Z'),
  journal: { title: 'Archives of Dermatology', abbreviation: 'Arch Dermatol', issn: null, publisher: null },
  issue: { volume: '148', number: '4', year: 2012, month: 4 },
  authors: [
    { givenNames: 'Pascal', surname: 'Joly', collab: null, degrees: 'MD, PhD' },
    { givenNames: 'Cindy England', surname: 'Owen', collab: null, degrees: null },
  ],
};
const noIssueNumbers: ExportableArticle = {
  ...article,
  publishedOnline: new Date('2014-03-05T00:00:00Z'),
  issue: { volume: '3', number: '', year: 2014 },
};
const url = 'https://example.org/doi/10.1001/archderm.148.4.543';

// citeproc compiles each style on first use (APA and Chicago are large: seconds on a busy
// machine); later citations with the same style take milliseconds.
describe('citation styles (CSL)', { timeout: 60_000 }, () => {
  it('formats AMA, APA, Vancouver and Chicago from the CSL style files', () => {
    const byStyle = Object.fromEntries(formatCitationStyles(article, url).map((c) => [c.style, c.text]));
    expect(byStyle.ama).toBe(
      'Joly P, Owen CE. Poor Benefit/Risk Balance of Intravenous Immunoglobulins in DRESS. Arch Dermatol. 2012;148(4):543-544. doi:10.1001/archderm.148.4.543',
    );
    expect(byStyle.apa).toMatch(
      /^Joly, P\., & Owen, C\. E\. \(2012\)\. Poor Benefit.*Archives of Dermatology, 148\(4\), 543–544\. https:\/\/doi\.org\/10\.1001\/archderm\.148\.4\.543$/,
    );
    expect(byStyle.vancouver).toMatch(/^Joly P, Owen CE\. Poor Benefit.* Arch Dermatol\. 2012 Apr;148\(4\):543–4\./);
    expect(byStyle.chicago).toMatch(
      /^Joly, Pascal, and Cindy England Owen\. 2012\. “Poor Benefit.*” Archives of Dermatology 148 \(4\): 543–44\./,
    );
  });

  it('never prints empty parentheses for a journal without issue numbers', () => {
    for (const c of formatCitationStyles(noIssueNumbers, url)) expect(c.text, c.style).not.toMatch(/\(\s*\)/);
    expect(formatCitationLine(noIssueNumbers)).toBe('Arch Dermatol. 2014;3:543-544. doi:10.1001/archderm.148.4.543');
  });
});

describe('RIS and BibTeX dates and issues', () => {
  it('carries the online date in RIS DA, with the issue year in PY', () => {
    const lines = formatRis(article, url).split('\r\n');
    expect(lines).toContain('DA  - 2011/12/19/');
    expect(lines).toContain('PY  - 2012');
  });

  it('writes no empty IS line when the journal has no issue numbers', () => {
    const lines = formatRis(noIssueNumbers, url).split('\r\n');
    expect(lines.filter((l) => l.startsWith('IS'))).toEqual([]);
    expect(lines).toContain('DA  - 2014/03/05/');
    expect(lines.filter((l) => /^[A-Z][A-Z0-9]  - $/.test(l))).toEqual(['ER  - ']);
  });

  it('carries the online date in BibTeX', () => {
    const bib = formatBibtex(article, url);
    expect(bib).toContain('note = {Published online 2011-12-19}');
    expect(bib).toContain('year = {2012}');
    expect(formatBibtex(noIssueNumbers, url)).not.toMatch(/number = \{\}/);
  });
});
