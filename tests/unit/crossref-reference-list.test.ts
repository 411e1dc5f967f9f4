import { describe, expect, it } from 'vitest';
import { readReferenceList } from '@/lib/crossref/read-reference-list';

describe('readReferenceList', () => {
  it('reads each reference: its key, the DOI of its doi: link, and the text without the identifier links', () => {
    const html =
      '<ol class="references"><li id="r1">Roca O, Riera J. Title &amp; more. <em>Source</em>. 2006;30:6-12. ' +
      '<a rel="noopener" href="https://doi.org/10.1000/x(1)">doi:10.1000/x(1)</a> ' +
      '<a rel="noopener" href="https://pubmed.ncbi.nlm.nih.gov/123/">PMID: 123</a></li>' +
      '<li>Free text, see <a href="https://example.org">the site</a>.</li><li id="r1">Same id again.</li></ol>';
    expect(readReferenceList(html)).toEqual([
      { key: 'r1', doi: '10.1000/x(1)', text: 'Roca O, Riera J. Title & more. Source. 2006;30:6-12.' },
      { key: 'ref2', doi: null, text: 'Free text, see the site.' },
      { key: 'r1-3', doi: null, text: 'Same id again.' },
    ]);
    expect(readReferenceList('')).toEqual([]);
  });
});
