import { describe, expect, it } from 'vitest';
import { articlePath, doiFromParams } from '@/lib/articles/article-path';
import { formatAmaCitation, formatAuthorName, formatCitationLine, formatPages } from '@/lib/articles/format-citation';

const seed = {
  doi: '10.1001/archdermatol.2011.3156',
  fpage: '545',
  lpage: '545',
  elocationId: null,
  journal: { abbreviation: 'Arch Dermatol' },
  issue: { volume: '148', number: '4', year: 2012 },
};

describe('citation line', () => {
  it('prints the seed article exactly as the journal does', () => {
    expect(formatCitationLine(seed)).toBe('Arch Dermatol. 2012;148(4):545. doi:10.1001/archdermatol.2011.3156');
  });
  it('prints a page range, or the electronic location id when there are no pages', () => {
    expect(formatPages({ fpage: '463', lpage: '469', elocationId: null })).toBe('463-469');
    expect(formatPages({ fpage: null, lpage: null, elocationId: 'e1000097' })).toBe('e1000097');
    expect(formatCitationLine({ ...seed, fpage: null, lpage: null, elocationId: 'e124' })).toBe(
      'Arch Dermatol. 2012;148(4):e124. doi:10.1001/archdermatol.2011.3156',
    );
  });
  it('leaves out the issue when an article has none yet', () => {
    expect(formatCitationLine({ ...seed, issue: null, fpage: null, lpage: null })).toBe(
      'Arch Dermatol. doi:10.1001/archdermatol.2011.3156',
    );
  });
  it('names authors with degrees, and in AMA style', () => {
    const owen = { givenNames: 'Cindy England', surname: 'Owen', collab: null, degrees: 'MD' };
    expect(formatAuthorName(owen)).toBe('Cindy England Owen, MD');
    expect(formatAmaCitation({ ...seed, title: 'The Need', subtitle: 'Comment', authors: [owen] })).toBe(
      'Owen CE. The Need: Comment. Arch Dermatol. 2012;148(4):545. doi:10.1001/archdermatol.2011.3156',
    );
  });
});

describe('article paths', () => {
  it('round-trip a DOI, including one whose suffix holds a slash', () => {
    expect(articlePath(seed.doi)).toBe('/doi/10.1001/archdermatol.2011.3156');
    expect(articlePath('10.1000/a/b')).toBe('/doi/10.1000/a%2Fb');
    expect(doiFromParams({ prefix: '10.1000', suffix: 'a%2Fb' })).toBe('10.1000/a/b');
  });
  it('refuse what cannot be a DOI', () => {
    expect(doiFromParams({ prefix: 'abc', suffix: 'x' })).toBeNull();
    expect(doiFromParams({ prefix: '10.1001', suffix: '%E0%A4%A' })).toBeNull();
  });
});
