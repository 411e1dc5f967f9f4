import { describe, expect, it } from 'vitest';
import { buildJsonLd, buildScholarMeta } from '@/lib/articles/scholar-meta';

const article = {
  doi: '10.1001/archdermatol.2011.3156',
  title: 'The Need to Examine the Risks and Benefits',
  subtitle: null,
  fpage: '545',
  lpage: '545',
  elocationId: null,
  isFree: false,
  publishedOnline: new Date('2012-04-16T00:00:00Z'),
  journal: { title: 'Archives of Dermatology', abbreviation: 'Arch Dermatol', issn: '0003-987X' },
  issue: { volume: '148', number: '4', year: 2012 },
  authors: [
    { givenNames: 'Cindy England', surname: 'Owen', collab: null, degrees: 'MD' },
    { givenNames: null, surname: null, collab: 'The PRISMA Group', degrees: null },
  ],
};

describe('Google Scholar tags', () => {
  const tags = buildScholarMeta(article, 'https://journal.example');
  it('carry every citation_* field Scholar reads', () => {
    expect(tags).toMatchObject({
      citation_title: article.title,
      citation_author: ['Cindy England Owen', 'The PRISMA Group'],
      citation_publication_date: '2012/04/16',
      citation_journal_title: 'Archives of Dermatology',
      citation_journal_abbrev: 'Arch Dermatol',
      citation_issn: '0003-987X',
      citation_volume: '148',
      citation_issue: '4',
      citation_firstpage: '545',
      citation_lastpage: '545',
      citation_doi: article.doi,
      citation_abstract_html_url: 'https://journal.example/doi/10.1001/archdermatol.2011.3156',
    });
  });
  it('give an absolute PDF address', () => {
    expect(tags.citation_pdf_url).toBe('https://journal.example/doi/10.1001/archdermatol.2011.3156/pdf');
  });
});

describe('schema.org JSON-LD', () => {
  it('marks a paid article and names its gated part', () => {
    expect(buildJsonLd(article, 'https://journal.example')).toMatchObject({
      '@type': 'ScholarlyArticle',
      isAccessibleForFree: false,
      hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.gated-content' },
    });
  });
  it('marks a free article free, with no gated part', () => {
    const ld = buildJsonLd({ ...article, isFree: true }, 'https://journal.example');
    expect(ld.isAccessibleForFree).toBe(true);
    expect(ld).not.toHaveProperty('hasPart');
  });
});
