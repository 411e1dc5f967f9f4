import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JatsImportError } from '@/lib/articles/jats/jats-import-error';
import { parseJats } from '@/lib/articles/jats/parse-jats';

const samplesDir = path.resolve(import.meta.dirname, '../fixtures/jats');
const parseSample = (file: string) => parseJats(fs.readFileSync(path.join(samplesDir, file), 'utf8'), file);

const minimal = (meta: string, body = '') => `<?xml version="1.0"?>
<article article-type="research-article" xmlns:xlink="http://www.w3.org/1999/xlink">
  <front>
    <journal-meta><journal-title-group><journal-title>Archives of Dermatology</journal-title></journal-title-group></journal-meta>
    <article-meta>${meta}</article-meta>
  </front>
  ${body}
</article>`;
const doi = '<article-id pub-id-type="doi">10.1001/test.1</article-id>';
const title = '<title-group><article-title>A test</article-title></title-group>';

function expectImportError(xml: string, fileName: string, ...fragments: string[]) {
  try {
    parseJats(xml, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(JatsImportError);
    for (const fragment of fragments) expect((error as Error).message).toContain(fragment);
    return;
  }
  throw new Error('expected a JatsImportError');
}

describe('parseJats on the sample files', () => {
  const expected: [file: string, doi: string, titleStart: string, authors: number][] = [
    ['critcare-meeting-abstract-cc11003.xml', '10.1186/cc11003', 'Acute respiratory distress syndrome', 5],
    ['plosmed-prisma-guideline-pmed.1000097.xml', '10.1371/journal.pmed.1000097', 'Preferred Reporting Items', 5],
    [
      'ehp-public-domain-research-ehp-116-1694.xml',
      '10.1289/ehp.11570',
      'Dietary Exposure to 2,2′,4,4′-Tetrabromodiphenyl',
      4,
    ],
    [
      'plosone-pmc-breast-cancer-PMC4524613.xml',
      '10.1371/journal.pone.0124658',
      'Distinguishing Low-Risk Luminal A',
      9,
    ],
    ['elife-poa-no-body-e06828.xml', '10.7554/eLife.06828', 'Cis and trans RET signaling', 7],
    ['scielo-errata-correction-rbee-2020.xml', '10.1590/1980-54702020v26e0188', 'Errata', 0],
    ['bmc-oralhealth-nlm23-1472-6831-8-11.xml', '10.1186/1472-6831-8-11', 'The Dutch version of the Oral Health', 4],
    [
      'plosmed-ioannidis-essay-nlm30-pmed.0020124.xml',
      '10.1371/journal.pmed.0020124',
      'Why Most Published Research Findings Are False',
      1,
    ],
  ];

  it.each(expected)('%s parses with its DOI, title and authors', (file, expectedDoi, titleStart, authorCount) => {
    const article = parseSample(file);
    expect(article.doi).toBe(expectedDoi);
    expect(article.title.startsWith(titleStart)).toBe(true);
    expect(article.authors).toHaveLength(authorCount);
    expect(article.previewHtml.length).toBeGreaterThan(0);
  });

  it('critcare: non-numeric pages, supplement issue, no abstract so the body is split', () => {
    const article = parseSample('critcare-meeting-abstract-cc11003.xml');
    expect(article).toMatchObject({ fpage: 'P396', lpage: 'P396', pmid: null, articleType: 'abstract', isFree: true });
    expect(article.issue).toMatchObject({ volume: '16', number: 'Suppl 1', year: 2012 });
    expect(article.publishedOnline?.toISOString()).toBe('2012-03-20T00:00:00.000Z');
    expect(article.authors[2]).toMatchObject({
      surname: 'López',
      affiliations: [{ text: 'Hospital Universitario La Paz, Madrid, Spain', ror: null, isni: null, ringgold: null }],
    });
    expect(article.previewHtml).toContain('The aim was to determine the incidence');
    expect(article.previewHtml).toContain('A prospective study in an ICU');
    expect(article.fullTextHtml).not.toContain('The aim was to determine');
    expect(article.fullTextHtml).not.toContain('A prospective study in an ICU');
    expect(article.fullTextHtml).toContain('During this period 1,900 patients');
    expect(article.referencesHtml).toContain('href="https://doi.org/10.1016/S0210-5691(06)74455-2"');
  });

  it('PRISMA: collab author, elocation-id, tables keep their colspan', () => {
    const article = parseSample('plosmed-prisma-guideline-pmed.1000097.xml');
    expect(article.authors[4]).toEqual({
      givenNames: null,
      surname: null,
      prefix: null,
      suffix: null,
      collab: 'The PRISMA Group',
      degrees: null,
      orcid: null,
      affiliations: [],
    });
    expect(article.elocationId).toBe('e1000097');
    expect(article.issue).toMatchObject({ volume: '6', number: '7', dateLabel: 'July 2009' });
    expect(article.fullTextHtml).toMatch(/<figure class="table"[^>]*>.*<table[^>]*>.*colspan="4"/s);
    expect(article.fullTextHtml).toContain('<aside class="box"');
    expect(article.referencesHtml.match(/<li /g)).toHaveLength(42);
  });

  it('EHP: pmid, structured abstract as preview, keywords, floats-group figures, public domain', () => {
    const article = parseSample('ehp-public-domain-research-ehp-116-1694.xml');
    expect(article).toMatchObject({
      pmid: '19079722',
      fpage: '1694',
      lpage: '1699',
      isFree: true,
      sectionLabel: 'Research',
    });
    expect(article.keywords).toHaveLength(9);
    expect(article.previewHtml).toContain('<h3>Background</h3>');
    expect(article.fullTextHtml.match(/<figure class="fig"/g)).toHaveLength(3);
    expect(article.issue?.dateLabel).toBe('December 2008');
  });

  it('PLoS ONE: leading comment and PIs are ignored, rowspan survives', () => {
    const article = parseSample('plosone-pmc-breast-cancer-PMC4524613.xml');
    expect(article.elocationId).toBe('e0124658');
    expect(article.fullTextHtml).toContain('rowspan="2"');
    expect(article.fullTextHtml).not.toContain('SourceDTD');
    expect(article.publishedOnline?.toISOString()).toBe('2015-08-04T00:00:00.000Z');
  });

  it('eLife: no body, no pub-date, nested affiliations', () => {
    const article = parseSample('elife-poa-no-body-e06828.xml');
    expect(article.fullTextHtml).toBe('');
    expect(article.referencesHtml).toBe('');
    expect(article.issue).toBeNull();
    expect(article.publishedOnline).toBeNull();
    expect(article.authors[0]?.affiliations[0]?.text).toContain('University of Pennsylvania');
    expect(article.authors[6]?.affiliations.map((a) => a.text).join()).not.toContain('@');
    expect(article.keywords).toContain('Mouse');
  });

  it('SciELO: no contributors, season label, sub-article ignored', () => {
    const article = parseSample('scielo-errata-correction-rbee-2020.xml');
    expect(article.articleType).toBe('correction');
    expect(article.issue).toMatchObject({ volume: '26', number: '3', year: 2020, dateLabel: 'Jul-Sep 2020' });
    expect(article.journal.abbreviation).toBe('Rev. bras. educ. espec.');
    expect(article.title).toBe('Errata');
  });

  it('BMC Oral Health (NLM 2.3): journal-title directly in journal-meta, <citation> references', () => {
    const article = parseSample('bmc-oralhealth-nlm23-1472-6831-8-11.xml');
    expect(article.journal).toMatchObject({
      title: 'BMC Oral Health',
      abbreviation: 'BMC Oral Health',
      eissn: '1472-6831',
    });
    expect(article.pmid).toBe('18405359');
    expect(article.isFree).toBe(true);
    expect(article.referencesHtml).toContain('Locker D. Measuring oral health');
  });

  it('Ioannidis: &szlig; inside comments is harmless, empty title, nlm-citation references', () => {
    const article = parseSample('plosmed-ioannidis-essay-nlm30-pmed.0020124.xml');
    expect(article.previewHtml).toContain('There is increasing concern');
    expect(article.previewHtml).not.toContain('toc');
    expect(article.fullTextHtml).not.toContain('szlig');
    expect(article.fullTextHtml).not.toContain('<h2></h2>');
    expect(article.fullTextHtml).toContain('<blockquote');
    expect(article.referencesHtml.match(/<li /g)).toHaveLength(37);
  });
});

describe('parseJats on bad input', () => {
  it('refuses malformed XML with the file and line', () => {
    expectImportError(
      '<article>\n<front>\n</article>',
      'bad.xml',
      'bad.xml: not well-formed XML at line 2',
      '<front> is not closed before the end tag on line 3',
    );
  });

  it('refuses a file without a DOI', () => {
    expectImportError(
      minimal(title),
      'critcare.xml',
      'critcare.xml: missing required element <article-id pub-id-type="doi"> in <article-meta>',
    );
  });

  it('refuses a file without an article title', () => {
    expectImportError(minimal(doi), 'notitle.xml', 'notitle.xml', '<article-title>');
  });

  it('refuses a file without a journal title', () => {
    expectImportError(
      minimal(doi + title).replace(/<journal-title-group>.*<\/journal-title-group>/, ''),
      'nj.xml',
      'nj.xml',
      '<journal-title>',
    );
  });
});

describe('preview and full text', () => {
  const body =
    '<body><sec><title>Intro</title><p>One.</p><p>Two.</p><p>Three.</p></sec><sec><title>More</title><p>Four.</p></sec></body>';

  it('without an abstract, the first two paragraphs are the preview and are not repeated', () => {
    const article = parseJats(minimal(doi + title, body), 'split.xml');
    expect(article.previewHtml).toBe('<p>One.</p><p>Two.</p>');
    expect(article.fullTextHtml).toContain('<p>Three.</p>');
    expect(article.fullTextHtml).toContain('<h2>More</h2>');
    expect(article.fullTextHtml).not.toContain('One.');
    expect(article.fullTextHtml).not.toContain('Two.');
  });

  it('with an abstract, the preview is the abstract and the full text is the whole body', () => {
    const article = parseJats(minimal(doi + title + '<abstract><p>Short.</p></abstract>', body), 'abs.xml');
    expect(article.previewHtml).toBe('<p>Short.</p>');
    expect(article.fullTextHtml).toContain('<p>One.</p>');
  });
});

describe('sanitization', () => {
  it('never lets scripts or javascript: links through', () => {
    const hostile =
      '<body><p>Hi <ext-link xlink:href="javascript:alert(1)">click</ext-link> <ext-link xlink:href="https://example.org/x">ok</ext-link></p>' +
      '<p><script>alert(2)</script>&lt;img src=x onerror=alert(3)&gt;</p><p>Third</p></body>';
    const article = parseJats(minimal(doi + title, hostile), 'evil.xml');
    const html = article.previewHtml + article.fullTextHtml;
    expect(html).not.toMatch(/<script|javascript:|<img/i);
    expect(html).toContain('<a rel="noopener" href="https://example.org/x">ok</a>');
    expect(html).toContain('&lt;img src=x onerror=alert(3)&gt;');
  });
});
