import { describe, expect, it } from 'vitest';
import { formatCitingAuthors } from '@/lib/related/format-citing-authors';
import { parseForwardLinks } from '@/lib/related/parse-forward-links';

// The shape of Crossref's getForwardLinks answer (namespaced, as Crossref sends it).
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<crossref_result xmlns="http://www.crossref.org/qrschema/2.0"><query_result><body>
  <forward_link doi="10.1001/archdermatol.2011.3302"><journal_cite fl_count="0">
    <issn type="print">00070963</issn>
    <journal_title>British Journal of Dermatology</journal_title>
    <journal_abbreviation>Br J Dermatol</journal_abbreviation>
    <article_title>Drug reaction with eosinophilia and systemic symptoms (DRESS)</article_title>
    <contributors>
      <contributor contributor_role="author" first-author="true" sequence="first"><given_name>S.H.</given_name><surname>Kardaun</surname></contributor>
      <contributor contributor_role="author" sequence="additional"><given_name>P.</given_name><surname>Sekula</surname></contributor>
      <contributor contributor_role="editor" sequence="additional"><given_name>E.</given_name><surname>Ditor</surname></contributor>
      <contributor contributor_role="author" sequence="additional"><given_name>L.</given_name><surname>Valeyrie-Allanore</surname></contributor>
      <contributor contributor_role="author" sequence="additional"><surname>Liss</surname></contributor>
    </contributors>
    <year>2013</year><doi type="journal_article">10.1111/bjd.12501</doi>
  </journal_cite></forward_link>
  <forward_link doi="10.1001/archdermatol.2011.3302"><journal_cite>
    <journal_title>J Single</journal_title><article_title>One author</article_title>
    <contributors><contributor contributor_role="author" sequence="first"><given_name>Ana</given_name><surname>Solo</surname></contributor></contributors>
    <year>2015</year>
  </journal_cite></forward_link>
  <forward_link doi="10.1001/archdermatol.2011.3302"><journal_cite>
    <journal_title>J None</journal_title><article_title>No contributors listed</article_title><year>2016</year>
  </journal_cite></forward_link>
</body></query_result></crossref_result>`;

describe('Cited By authors', () => {
  it("parses the citing works' authors from Crossref's forward links, in order, without editors", () => {
    expect(parseForwardLinks(xml).map((w) => [w.title, w.authors])).toEqual([
      [
        'Drug reaction with eosinophilia and systemic symptoms (DRESS)',
        ['S.H. Kardaun', 'P. Sekula', 'L. Valeyrie-Allanore', 'Liss'],
      ],
      ['One author', ['Ana Solo']],
      ['No contributors listed', []],
    ]);
  });

  it('names the first three authors, then "et al."', () => {
    expect(formatCitingAuthors(['A One', 'B Two', 'C Three', 'D Four'])).toBe('A One, B Two, C Three, et al.');
    expect(formatCitingAuthors(['A One', 'B Two', 'C Three'])).toBe('A One, B Two, C Three');
    expect(formatCitingAuthors(['A One'])).toBe('A One');
    expect(formatCitingAuthors([])).toBe('');
  });
});
