// Every file of the JATS corpus (tests/fixtures/jats) parses, or is refused for a reason that names it;
// what parseJats reads about authors matches counts taken straight from the XML text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JatsImportError } from '@/lib/articles/jats/jats-import-error';
import { parseJats, type ParsedArticle } from '@/lib/articles/jats/parse-jats';
import { htmlToParagraphs } from '@/lib/articles/html-to-text';

const corpus = path.resolve(import.meta.dirname, '../fixtures/jats');
const filesIn = (dir: string) =>
  fs
    .readdirSync(path.join(corpus, dir))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => path.join(dir, f));
const realFiles = filesIn('.');
const bytesOf = (file: string) => fs.readFileSync(path.join(corpus, file));

/** Counts from the XML text alone (regular expressions, not our DOM code): the manifest. */
function manifest(xml: string) {
  const meta = /<article-meta\b[\s\S]*?<\/article-meta>/.exec(xml)?.[0] ?? '';
  // Group authors list their members in a nested contrib-group; they are not authors of the article.
  const flat = meta.replace(/<collab\b[^>]*>[\s\S]*?<\/collab>/g, '<collab>group</collab>');
  const contribs = [...flat.matchAll(/<contrib(?=[\s>])([^>]*)>([\s\S]*?)<\/contrib>/g)].filter(([, attrs]) => {
    const type = /contrib-type="([^"]*)"/.exec(attrs ?? '')?.[1];
    return type === undefined || type.toLowerCase() === 'author';
  });
  const named = contribs.filter(([, , inner]) => /<(name|string-name|collab|anonymous)\b/.test(inner ?? ''));
  const orcids = contribs.filter(([, , inner]) => /contrib-id-type="orcid"|orcid\.org\/\d{4}/i.test(inner ?? ''));
  const affIds = new Set(
    contribs.flatMap(([, , inner]) =>
      [...(inner ?? '').matchAll(/<xref\b[^>]*ref-type="aff"[^>]*>/g)].flatMap(
        ([tag]) => /rid="([^"]*)"/.exec(tag)?.[1]?.split(/\s+/) ?? [],
      ),
    ),
  );
  // An aff written inside each contrib counts once per distinct markup (a contact email is not part of it).
  const nestedAffs = new Set(
    contribs
      .flatMap(([, , inner]) => (inner ?? '').match(/<aff(?=[\s>])[\s\S]*?<\/aff>/g) ?? [])
      .map((a) => a.replace(/<email>[^<]*<\/email>/g, '').replace(/\s+/g, ' ')),
  ).size;
  const rorIds = new Set([...meta.matchAll(/institution-id-type="ror"[^>]*>\s*([^<\s]+)/gi)].map((m) => m[1]));
  return {
    authors: contribs.length,
    named: named.length,
    orcids: orcids.length,
    affiliations: affIds.size + nestedAffs,
    rorIds: rorIds.size,
  };
}

/** Formulas from the XML text: display and inline ones, how many carry MathML or TeX, their labels. */
function formulaManifest(xml: string) {
  const formulas = [...xml.matchAll(/<(disp|inline)-formula\b[^>]*>([\s\S]*?)<\/\1-formula>/g)];
  const renderable = formulas.filter(([, , inner]) => /<(mml:)?math\b|<tex-math\b/.test(inner ?? ''));
  const outside = xml.replace(/<(disp|inline)-formula\b[\s\S]*?<\/\1-formula>/g, '');
  const display = formulas.filter(([, kind]) => kind === 'disp');
  return {
    display: display.length,
    inline: formulas.length - display.length,
    maths: renderable.length + (outside.match(/<(mml:)?math\b/g) ?? []).length,
    displayIds: display.flatMap(([tag]) => /^<disp-formula\b[^>]*\bid="([^"]+)"/.exec(tag)?.[1] ?? []),
    labels: display.flatMap(([, , inner]) => /<label>([^<]*)<\/label>/.exec(inner ?? '')?.[1]?.trim() ?? []),
  };
}
const allHtml = (a: ParsedArticle) =>
  [a.titleHtml, a.previewHtml, a.summariesHtml, a.fullTextHtml, a.referencesHtml, a.articleInfoHtml].join('');

describe('the JATS corpus', () => {
  it('holds at least 20 real articles', () => {
    expect(realFiles.length).toBeGreaterThanOrEqual(20);
  });

  it.each(realFiles)('%s parses, and its authors, affiliations and ORCID iDs match the XML', (file) => {
    const bytes = bytesOf(file);
    const article = parseJats(bytes, file);
    const counted = manifest(bytes.toString('utf8'));
    expect(article.doi).toMatch(/^10\.\d{4,9}\//);
    expect(article.title.length).toBeGreaterThan(0);
    expect(article.title).not.toContain('\uFFFD');
    expect(article.authors).toHaveLength(counted.named);
    expect(counted.named).toBe(counted.authors);
    for (const author of article.authors) expect(author.surname ?? author.givenNames ?? author.collab).toBeTruthy();
    expect(article.authors.filter((a) => a.orcid)).toHaveLength(counted.orcids);
    for (const { orcid } of article.authors)
      if (orcid) expect(orcid).toMatch(/^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/);
    const affiliations = article.authors.flatMap((a) => a.affiliations);
    const distinct = new Set(affiliations.map((a) => `${a.text}|${a.ror ?? ''}`));
    expect(distinct.size).toBe(counted.affiliations);
    expect(new Set(affiliations.flatMap((a) => (a.ror ? [a.ror] : []))).size).toBe(counted.rorIds);
    for (const aff of affiliations) {
      expect(aff.text).not.toMatch(/^\s|\s$|\b0\d[a-z0-9]{6}\d{2}\b/); // no ROR id glued into the text
      expect(aff.text).not.toContain('@');
    }
  });

  it.each([...realFiles, 'derived/peerj-1000-tex-only.xml'])(
    '%s keeps every formula: as <math>, display ones as blocks with their ids and labels',
    (file) => {
      const bytes = bytesOf(file);
      const counted = formulaManifest(bytes.toString('utf8'));
      const html = allHtml(parseJats(bytes, file));
      expect(html.match(/<div class="disp-formula"/g) ?? []).toHaveLength(counted.display);
      expect(html.match(/<span class="inline-formula"/g) ?? []).toHaveLength(counted.inline);
      expect(html.match(/<math\b/g) ?? []).toHaveLength(counted.maths);
      for (const id of counted.displayIds) expect(html).toContain(`<div class="disp-formula" id="${id}">`);
      for (const label of counted.labels) expect(html).toContain(`<span class="formula-label">${label}</span>`);
      // One rendering each: no TeX source, no MathML namespace prefix reaches the reader.
      const text = htmlToParagraphs(html).join(' ');
      expect(text).not.toMatch(/\\(frac|documentclass|mathrm)|\$\$/);
      expect(html).not.toMatch(/<\/?mml:/);
    },
  );

  it('the ISO-8859-1 copy of a file reads exactly like the UTF-8 original', () => {
    const latin1 = parseJats(bytesOf('derived/scielo-errata-rbee-2020-iso-8859-1.xml'), 'latin1.xml');
    const utf8 = parseJats(bytesOf('scielo-errata-correction-rbee-2020.xml'), 'utf8.xml');
    expect(latin1.journal.title).toBe('Revista Brasileira de Educação Especial');
    expect(latin1).toEqual(utf8);
  });

  const refusals: [file: string, reason: RegExp][] = [
    ['hostile/billion-laughs.xml', /the entity &lol\d; expands to more than 100,000 characters/],
    ['hostile/external-entity-system.xml', /declares the external entity &secret; \(SYSTEM "file:\/\/\/etc\/passwd"\)/],
    ['hostile/external-parameter-entity-public.xml', /declares the external entity %remote; \(PUBLIC/],
    ['hostile/latin1-bytes-without-declaration.xml', /is not valid UTF-8 \(first bad byte at offset \d+\)/],
    ['edge/jats4r-not-well-formed.xml', /not well-formed XML at line 12/],
    // JATS4R's encoding and entity test files are fragments without a DOI: they decode and parse, then stop there.
    ['edge/jats4r-entity-refs.xml', /missing required element <article-id pub-id-type="doi">/],
    ['edge/jats4r-internal-subset.xml', /missing required element <article-id pub-id-type="doi">/],
    ['edge/jats4r-utf16le-with-bom.xml', /missing required element <article-id pub-id-type="doi">/],
    ['edge/jats4r-utf8-with-bom.xml', /missing required element <article-id pub-id-type="doi">/],
  ];
  it.each(refusals)('%s is refused with a reason that names the file', (file, reason) => {
    let error: unknown;
    try {
      parseJats(bytesOf(file), path.basename(file));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JatsImportError);
    expect((error as Error).message.startsWith(`${path.basename(file)}: `)).toBe(true);
    expect((error as Error).message).toMatch(reason);
  });

  it('every file of the corpus is either read or refused above', () => {
    const listed = new Set([
      ...realFiles,
      'derived/scielo-errata-rbee-2020-iso-8859-1.xml',
      'derived/peerj-1000-tex-only.xml',
      ...refusals.map(([f]) => f),
    ]);
    const all = [...realFiles, ...filesIn('derived'), ...filesIn('edge'), ...filesIn('hostile')];
    expect(all.filter((f) => !listed.has(f) && f !== 'hostile/script-and-javascript-links.xml')).toEqual([]);
  });
});
