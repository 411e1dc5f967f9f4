import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import { formatBibtex, formatRis, type ExportableArticle } from '@/lib/articles/export-citation';
import { parseForwardLinks } from '@/lib/related/parse-forward-links';

const article: ExportableArticle = {
  doi: '10.1001/archderm.148.4.543',
  title: 'Poor Benefit/Risk Balance of Intravenous Immunoglobulins in DRESS',
  subtitle: null,
  fpage: '543',
  lpage: '544',
  elocationId: null,
  publishedOnline: null,
  journal: {
    title: 'Archives of Dermatology',
    abbreviation: 'Arch Dermatol',
    issn: '0003-987X',
    publisher: 'American Medical Association',
  },
  issue: { volume: '148', number: '4', year: 2012 },
  authors: [
    { givenNames: 'Pascal', surname: 'Joly', collab: null, degrees: 'MD, PhD' },
    { givenNames: null, surname: null, collab: 'The French Investigators for Skin Adverse Reactions', degrees: null },
  ],
};

describe('citation export', () => {
  it('writes RIS with the fields reference managers read', () => {
    const ris = formatRis(article, 'https://example.org/doi/x');
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines).toEqual(
      expect.arrayContaining([
        'AU  - Joly, Pascal',
        'JO  - Archives of Dermatology',
        'VL  - 148',
        'IS  - 4',
        'SP  - 543',
        'EP  - 544',
        'DO  - 10.1001/archderm.148.4.543',
      ]),
    );
    expect(lines).toContain(`TI  - ${article.title}`);
    expect(lines.at(-2)).toBe('ER  - ');
  });

  it('writes BibTeX that parses back', async () => {
    const [entry] = (await Cite.async(formatBibtex(article, 'https://example.org/doi/x'))).data;
    expect(entry).toMatchObject({ DOI: article.doi, volume: '148', issue: '4', page: '543-544', title: article.title });
  });
});

describe('Crossref forward links', () => {
  it('reads journal citations from getForwardLinks XML', () => {
    const xml = `<?xml version="1.0"?><crossref_result xmlns="http://www.crossref.org/qrschema/2.0"><query_result><body>
      <forward_link doi="10.1001/archderm.148.4.543"><journal_cite fl_count="0"><issn type="print">0190-9622</issn>
        <journal_title>Journal of the American Academy of Dermatology</journal_title><article_title>DRESS syndrome: Part II</article_title>
        <year>2013</year><doi type="journal_article">10.1016/j.jaad.2013.01.032</doi></journal_cite></forward_link>
      <forward_link doi="10.1001/archderm.148.4.543"><book_cite><volume_title>A book</volume_title></book_cite></forward_link>
    </body></query_result></crossref_result>`;
    expect(parseForwardLinks(xml)).toEqual([
      {
        title: 'DRESS syndrome: Part II',
        journal: 'Journal of the American Academy of Dermatology',
        year: 2013,
        doi: '10.1016/j.jaad.2013.01.032',
        authors: [],
      },
    ]);
  });
});
