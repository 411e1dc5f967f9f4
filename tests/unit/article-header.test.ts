// The article header as a reader gets it: the formatted title, authors with affiliation numbers and
// ORCID links, the numbered affiliations, and the Scholar author tags (rendered on the server).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleHeader } from '@/components/article/article-header';
import type { ArticlePage } from '@/lib/articles/get-article-page';

const article = {
  doi: '10.5555/header.1',
  sectionLabel: 'Original Investigation',
  title: 'Staphylococcus aureus in CO2',
  titleHtml: '<i>Staphylococcus aureus</i> in CO<sub>2</sub>',
  subtitle: null,
  fpage: '1',
  lpage: '9',
  elocationId: null,
  publishedOnline: new Date('2024-05-01T00:00:00Z'),
  journal: { title: 'Archives of Dermatology', abbreviation: 'Arch Dermatol', issn: null, publisher: null },
  issue: { volume: '148', number: '4', year: 2012, dateLabel: 'April 2012' },
  authors: [
    {
      givenNames: 'Ana',
      surname: 'Souza',
      suffix: null,
      collab: null,
      degrees: 'MD',
      orcid: 'https://orcid.org/0000-0002-1825-0097',
      affiliations: [{ affiliation: { position: 0 } }, { affiliation: { position: 1 } }],
    },
    {
      givenNames: 'Alberto',
      surname: 'Ramos',
      suffix: 'Jr',
      collab: null,
      degrees: null,
      orcid: null,
      affiliations: [{ affiliation: { position: 1 } }],
    },
  ],
  affiliations: [
    { position: 0, text: 'University of Oslo, Norway', ror: 'https://ror.org/01xtthb56' },
    { position: 1, text: 'Karolinska Institutet, Sweden', ror: null },
  ],
} as unknown as ArticlePage;

describe('ArticleHeader', () => {
  const html = renderToStaticMarkup(createElement(ArticleHeader, { article }));

  it('shows the title with its italics and subscripts', () => {
    expect(html).toContain(
      '<h1 id="article-title" class="article-header__title"><span><i>Staphylococcus aureus</i> in CO<sub>2</sub></span></h1>',
    );
  });

  it("numbers each author's affiliations, links the ORCID iD and the author's articles", () => {
    expect(html).toMatch(
      /<li><a href="\/search\?author=Ana\+Souza">Ana Souza, MD<\/a><sup class="article-header__aff-marks"><span class="visually-hidden"> affiliation <\/span>1,2<\/sup><a class="orcid-link" href="https:\/\/orcid.org\/0000-0002-1825-0097"/,
    );
    expect(html).toContain('ORCID iD of Ana Souza');
    expect(html).toMatch(
      /<li><a href="\/search\?author=Alberto\+Ramos\+Jr">Alberto Ramos Jr<\/a><sup[^>]*><span[^>]*> affiliation <\/span>2<\/sup><\/li>/,
    );
    expect(html).toMatch(/<li value="1">University of Oslo, Norway <a href="https:\/\/ror.org\/01xtthb56"/);
    expect(html).toContain('<li value="2">Karolinska Institutet, Sweden</li>');
  });

  it('renders the Scholar author tags in order', () => {
    const tags = [...html.matchAll(/<meta name="([^"]+)" content="([^"]+)"\/>/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(tags).toEqual([
      'citation_author=Ana Souza',
      'citation_author_institution=University of Oslo, Norway',
      'citation_author_institution=Karolinska Institutet, Sweden',
      'citation_author_orcid=https://orcid.org/0000-0002-1825-0097',
      'citation_author=Alberto Ramos Jr',
      'citation_author_institution=Karolinska Institutet, Sweden',
    ]);
  });
});
