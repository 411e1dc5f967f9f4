import { describe, expect, it } from 'vitest';
import { buildJsonLd, buildScholarAuthorTags, buildScholarMeta } from '@/lib/articles/scholar-meta';

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
    {
      givenNames: 'Cindy England',
      surname: 'Owen',
      collab: null,
      degrees: 'MD',
      orcid: 'https://orcid.org/0000-0002-1825-0097',
      affiliations: [{ affiliation: { position: 1 } }, { affiliation: { position: 0 } }],
    },
    { givenNames: null, surname: null, collab: 'The PRISMA Group', degrees: null },
  ],
  affiliations: [
    { position: 0, text: 'University of Louisville, Louisville, Kentucky' },
    { position: 1, text: 'Mayo Clinic, Rochester, Minnesota' },
  ],
};

describe('Google Scholar tags', () => {
  const tags = buildScholarMeta(article, 'https://journal.example');
  it('carry every citation_* field Scholar reads', () => {
    expect(tags).toMatchObject({
      citation_title: article.title,
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
  it("put each author's institutions and ORCID iD right after that author, in order", () => {
    expect(buildScholarAuthorTags(article)).toEqual([
      { name: 'citation_author', content: 'Cindy England Owen' },
      { name: 'citation_author_institution', content: 'Mayo Clinic, Rochester, Minnesota' },
      { name: 'citation_author_institution', content: 'University of Louisville, Louisville, Kentucky' },
      { name: 'citation_author_orcid', content: 'https://orcid.org/0000-0002-1825-0097' },
      { name: 'citation_author', content: 'The PRISMA Group' },
    ]);
    expect(tags).not.toHaveProperty('citation_author');
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
