import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childElements, descendants, parseXmlRoot, textOf, type Element } from '@/lib/articles/jats/jats-dom';
import { parseJats, type ParsedArticle } from '@/lib/articles/jats/parse-jats';
import { htmlToParagraphs } from '@/lib/articles/html-to-text';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/jats');
const read = (file: string) => fs.readFileSync(path.join(fixtures, file), 'utf8');
const parse = (file: string) => parseJats(read(file), path.basename(file));
const SAMPLES = fs.readdirSync(fixtures).filter((f) => f.endsWith('.xml'));

/** Plain text of the article's HTML fields, as a reader would see it. */
const textOfHtml = (html: string) => htmlToParagraphs(html).join(' ').replace(/\s+/g, ' ');
const shown = (a: ParsedArticle) =>
  textOfHtml([a.previewHtml, a.summariesHtml, a.fullTextHtml, a.referencesHtml, a.articleInfoHtml].join(''));

/** Article Information's entry under `label` (its paragraphs up to the next heading). */
function infoEntry(a: ParsedArticle, label: string): string {
  const start = a.articleInfoHtml.indexOf(`<strong>${label}:</strong>`);
  if (start < 0) return '';
  const next = a.articleInfoHtml.indexOf('<p><strong>', start + 1);
  return textOfHtml(a.articleInfoHtml.slice(start, next < 0 ? undefined : next));
}

describe('nothing silently dropped: every paragraph of every sample is shown somewhere', () => {
  // The table-of-contents teaser repeats the abstract for listing pages; it is the one skip.
  const isDeliberatelySkipped = (p: Element) => {
    for (let n: Element | null = p; n; n = n.parentNode)
      if (n.nodeName === 'abstract' && n.getAttribute('abstract-type') === 'toc') return true;
    return false;
  };

  // Formulas read differently as text ("a/b" for a fraction; formula tests check them): compared without them.
  const FORMULAS = ['mml:math', 'math', 'tex-math'];
  const withoutMath = (a: ParsedArticle) =>
    textOfHtml(
      [a.previewHtml, a.summariesHtml, a.fullTextHtml, a.referencesHtml, a.articleInfoHtml]
        .join('')
        .replace(/<math\b[\s\S]*?<\/math>/g, ''),
    );

  it.each(SAMPLES)('%s', (file) => {
    const root = parseXmlRoot(read(file), file);
    const text = withoutMath(parse(file));
    const paragraphs = descendants(root, 'p').filter((p) => !isDeliberatelySkipped(p));
    // A note's own label ("Competing Interests:") gives way to the Article Information heading.
    const missing = paragraphs
      .map((p) => textOf(p, FORMULAS).slice(0, 80).trim())
      .filter((t) => t.length > 0 && !text.includes(t) && !text.includes(t.replace(/^[^:]{1,40}:\s*/, '')));
    expect(missing).toEqual([]);
  });
});

describe('abstracts by type (snippet)', () => {
  const a = parse('snippets/back-matter-paid.xml');

  it('the main abstract is the preview; key points lead the other summaries; the toc teaser is left out', () => {
    expect(a.previewHtml).toContain('The main abstract of the importer test article stays the preview.');
    expect(a.previewHtml).not.toContain('Key points');
    expect(a.summariesHtml).toMatch(/^<section class="abstract-extra"><h2>Key Points<\/h2>.*Question/);
    expect(a.summariesHtml).toContain('<h2>Author Summary</h2><p>An author summary written in plain words');
    expect(a.summariesHtml.indexOf('Key Points')).toBeLessThan(a.summariesHtml.indexOf('Author Summary'));
    expect(shown(a)).not.toContain('table of contents teaser');
  });
});

describe('Article Information (snippet)', () => {
  const a = parse('snippets/back-matter-paid.xml');

  it('dates, correction notice, copyright, corresponding author', () => {
    expect(infoEntry(a, 'Received')).toBe('Received: January 2, 2026');
    expect(infoEntry(a, 'Accepted for Publication')).toBe('Accepted for Publication: February 20, 2026');
    expect(infoEntry(a, 'Published Online')).toBe('Published Online: March 15, 2026');
    expect(a.articleInfoHtml).toContain(
      '<strong>Correction:</strong> <a rel="noopener" href="https://doi.org/10.5555/jats-test.correction">Correction notice',
    );
    expect(infoEntry(a, 'Copyright')).toContain('Copyright 2026 American Medical Association');
    expect(infoEntry(a, 'Corresponding Author')).toBe(
      'Corresponding Author: Tess Tester, MD, Test Department, Example Hospital (tess.tester@example.org).',
    );
    expect(a.articleInfoHtml).toContain('<a href="mailto:tess.tester@example.org">');
  });

  it('author notes, CRediT roles and contribution notes', () => {
    expect(infoEntry(a, 'Equal Contribution')).toContain('contributed equally');
    expect(infoEntry(a, 'Present Address')).toContain('Second Example Clinic');
    expect(infoEntry(a, 'Author Contributions')).toBe(
      'Author Contributions: Tess Tester: Conceptualization, Writing – original draft. Eli Example: Formal analysis. ' +
        'Dr Tester had full access to all of the data in the test.',
    );
  });

  it('conflicts of interest from a back fn-group and from a body section (which leaves the body)', () => {
    const coi = infoEntry(a, 'Conflict of Interest Disclosures');
    expect(coi).toContain('Mr Example reported no competing interests.');
    expect(coi).toContain('Dr Tester reported receiving consulting fees from Example Pharma');
    expect(a.fullTextHtml).not.toContain('consulting fees');
  });

  it('funding: the statement, the award with its id and recipient, and the funder-role note', () => {
    const funding = infoEntry(a, 'Funding/Support');
    expect(funding).toContain('This work was supported by the Example Research Foundation grant ERF-2026-0042.');
    expect(funding).toContain('Example Research Foundation (award ERF-2026-0042) to Tess Tester.');
    expect(funding).toContain('The funder had no role in the design');
    expect(funding).not.toContain('ror.org');
  });

  it('data sharing and acknowledgments, neither left in the gated text', () => {
    expect(infoEntry(a, 'Data Sharing Statement')).toContain('Deidentified test data are available');
    expect(infoEntry(a, 'Additional Contributions')).toContain('We thank the Example Hospital dermatology nurses');
    expect(a.fullTextHtml).not.toContain('Deidentified');
    expect(a.fullTextHtml).not.toContain('We thank');
  });
});

describe('gated back matter and body constructs (snippet)', () => {
  const a = parse('snippets/back-matter-paid.xml');

  it('appendices keep their sections, tables and figures; the glossary follows', () => {
    expect(a.fullTextHtml).toContain('<h2>Appendix 1. Supplementary methods of the importer test</h2>');
    expect(a.fullTextHtml).toContain('Appendix paragraph that only entitled readers may read');
    expect(a.fullTextHtml).toMatch(/<figure class="table" id="appt1">.*<td>Appendix table cell value<\/td>/);
    expect(a.fullTextHtml).toContain('<figure class="fig" id="appf1"><figcaption><strong>eFigure 1</strong>');
    expect(a.fullTextHtml).toContain('<h3>Nested appendix section</h3>');
    expect(a.fullTextHtml).toContain('<h2>Abbreviations</h2><dl><dt>ERF</dt>');
  });

  it('every list type keeps its numbering; a simple list has no bullets', () => {
    expect(a.fullTextHtml).toContain('<ul class="list-simple"><li><p>plain item without any marker</p></li></ul>');
    expect(a.fullTextHtml).toContain('<ol><li><p>first numbered item</p></li>');
    expect(a.fullTextHtml).toContain('<ol type="a"><li><p>lower alpha item</p></li></ol>');
    expect(a.fullTextHtml).toContain('<ol type="I"><li><p>upper roman item</p></li></ol>');
    expect(a.fullTextHtml).toContain('<ul><li><p>bulleted item</p></li></ul>');
  });

  it('boxed text and a displayed quotation with its attribution', () => {
    expect(a.fullTextHtml).toContain('<aside class="box"><div><strong>Box 1. Test box</strong></div>');
    expect(a.fullTextHtml).toContain('<blockquote><p>A displayed quotation');
    expect(a.fullTextHtml).toContain('<p class="attrib">Quoted Person</p>');
  });

  it('an element the renderer does not know keeps its text and is reported', () => {
    expect(a.fullTextHtml).toContain('a verse line kept as plain text');
    expect(a.warnings).toContain('<verse-group> is not rendered as such: its text is kept as plain text');
    expect(a.warnings).toContain(
      '1 figure or table image is not shown: only the XML was imported, so figures show their captions',
    );
  });
});

describe('Article Information on the real samples', () => {
  it('PRISMA: corresponding author, contributions, competing interests, funding, acknowledgments (not gated)', () => {
    const a = parse('plosmed-prisma-guideline-pmed.1000097.xml');
    expect(infoEntry(a, 'Corresponding Author')).toBe('Corresponding Author: E-mail: dmoher@ohri.ca');
    expect(infoEntry(a, 'Author Contributions')).toContain('Wrote the first draft of the paper: DM AL DGA.');
    expect(infoEntry(a, 'Conflict of Interest Disclosures')).toBe(
      'Conflict of Interest Disclosures: The authors have declared that no competing interests exist.',
    );
    expect(infoEntry(a, 'Funding/Support')).toContain(
      'PRISMA was funded by the Canadian Institutes of Health Research',
    );
    expect(infoEntry(a, 'Additional Contributions')).toContain(
      'The following people contributed to the PRISMA Statement',
    );
    expect(infoEntry(a, 'Notes')).toContain('Provenance:');
    expect(a.fullTextHtml).not.toContain('The following people contributed');
    expect(a.fullTextHtml).toContain('<h2>Abbreviations</h2>');
  });

  it('EHP: unmarked notes sorted by what they say; dates from history and pub-date', () => {
    const a = parse('ehp-public-domain-research-ehp-116-1694.xml');
    expect(infoEntry(a, 'Conflict of Interest Disclosures')).toContain('no competing financial interests');
    expect(infoEntry(a, 'Funding/Support')).toContain('supported by the West Coast Center for Oceans and Human Health');
    expect(infoEntry(a, 'Additional Contributions')).toContain('We thank A. Skillman');
    expect(infoEntry(a, 'Received')).toBe('Received: April 10, 2008');
    expect(infoEntry(a, 'Published')).toBe('Published: December 2008');
    expect(infoEntry(a, 'License')).toContain('Publication of EHP lies in the public domain');
    expect(a.articleInfoHtml).toContain('href="http://creativecommons.org/publicdomain/mark/1.0/"');
  });

  it('PLoS ONE: data availability from custom-meta, the "Competing Interests:" label not repeated', () => {
    const a = parse('plosone-pmc-breast-cancer-PMC4524613.xml');
    expect(infoEntry(a, 'Data Sharing Statement')).toBe(
      'Data Sharing Statement: All relevant data are within the paper.',
    );
    expect(infoEntry(a, 'Conflict of Interest Disclosures')).toBe(
      'Conflict of Interest Disclosures: The authors have declared that no competing interests exist.',
    );
    expect(infoEntry(a, 'Funding/Support')).toBe('Funding/Support: The authors have no support or funding to report.');
  });

  it('eLife (no body): competing interests and ethics from typed fn-groups; still no gated text', () => {
    const a = parse('elife-poa-no-body-e06828.xml');
    expect(infoEntry(a, 'Conflict of Interest Disclosures')).toContain('no competing interests exist');
    expect(infoEntry(a, 'Ethics')).toContain('Animal experimentation');
    expect(a.fullTextHtml).toBe('');
  });

  it('BMC: the body section "Authors\' contributions" moves to Article Information', () => {
    const a = parse('bmc-oralhealth-nlm23-1472-6831-8-11.xml');
    expect(infoEntry(a, 'Author Contributions')).toContain('MM carried out the study');
    expect(a.fullTextHtml).not.toContain('MM carried out the study');
  });

  it('SciELO: every corrected article is linked; the English translation is kept', () => {
    const a = parse('scielo-errata-correction-rbee-2020.xml');
    const root = parseXmlRoot(read('scielo-errata-correction-rbee-2020.xml'), 'x');
    const corrected = descendants(childElements(root, 'front')[0], 'related-article');
    expect(corrected).toHaveLength(9);
    for (const rel of corrected)
      expect(a.articleInfoHtml).toContain(`href="https://doi.org/${rel.getAttribute('xlink:href')}"`);
    expect(a.fullTextHtml).toContain('<section class="sub-article" id="s1"><h2>Errata (translation, en)</h2>');
  });

  it('Ioannidis: related articles once each, present address; the toc abstract is skipped', () => {
    const a = parse('plosmed-ioannidis-essay-nlm30-pmed.0020124.xml');
    const related = infoEntry(a, 'Related Article');
    expect(related.match(/When Should Potentially False Research Findings Be Considered Acceptable\?/g)).toHaveLength(
      1,
    );
    expect(a.articleInfoHtml).toContain('href="https://doi.org/10.1371/journal.pmed.0020272"');
    expect(infoEntry(a, 'Present Address')).toContain('University of Ioannina School of Medicine');
    expect(a.summariesHtml).toBe('');
  });
});
