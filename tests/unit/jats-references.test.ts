import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJats } from '@/lib/articles/jats/parse-jats';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/jats');
const read = (file: string) => fs.readFileSync(path.join(fixtures, file), 'utf8');
const parse = (file: string) => parseJats(read(file), path.basename(file));

/**
 * What each fixture's XML holds, found without the importer: every <ref>'s DOI (pub-id,
 * ext-link, a doi.org link or "doi:" text) and whether it has a PMID (pub-id or the
 * supplied-pmid processing instruction). Counts checked by hand against the files.
 */
const MANIFEST: [file: string, refs: number, withDoi: number, withPmid: number][] = [
  ['bmc-oralhealth-nlm23-1472-6831-8-11.xml', 31, 17, 25],
  ['critcare-meeting-abstract-cc11003.xml', 3, 1, 2],
  ['ehp-public-domain-research-ehp-116-1694.xml', 58, 0, 52],
  ['plosmed-prisma-guideline-pmed.1000097.xml', 42, 2, 0],
  ['plosone-pmc-breast-cancer-PMC4524613.xml', 31, 21, 30],
  ['plosmed-ioannidis-essay-nlm30-pmed.0020124.xml', 37, 0, 0],
];

type XmlRef = { id: string; doi: string | null; pmid: string | null };

function refsInXml(xml: string): XmlRef[] {
  return [...xml.matchAll(/<ref id="([^"]+)"[^>]*>([\s\S]*?)<\/ref>/g)].map(([, id, body]) => {
    const doi =
      /pub-id-type="doi"[^>]*>\s*([^<\s]+)/.exec(body!)?.[1] ??
      /ext-link-type="doi"[^>]*>\s*([^<\s]+)/.exec(body!)?.[1] ??
      /href="https?:\/\/(?:dx\.)?doi\.org\/([^"]+)"/.exec(body!)?.[1] ??
      /doi:\s*(10\.[^\s<]+?)\.?(?=[\s<])/i.exec(body!)?.[1] ??
      null;
    const pmid =
      /pub-id-type="pmid"[^>]*>\s*(\d+)/.exec(body!)?.[1] ?? /<\?supplied-pmid\s+(\d+)\s*\?>/.exec(body!)?.[1] ?? null;
    return { id: id!, doi, pmid };
  });
}

function itemsById(referencesHtml: string): Map<string, string> {
  return new Map([...referencesHtml.matchAll(/<li id="([^"]+)">([\s\S]*?)<\/li>/g)].map(([, id, li]) => [id!, li!]));
}

describe('reference identifiers on the real samples', () => {
  it.each(MANIFEST)('%s: every DOI and PMID in the XML is a link', (file, refCount, withDoi, withPmid) => {
    const xml = read(file);
    const refs = refsInXml(xml);
    expect(refs).toHaveLength(refCount);
    expect(refs.filter((r) => r.doi)).toHaveLength(withDoi);
    expect(refs.filter((r) => r.pmid)).toHaveLength(withPmid);

    const { referencesHtml } = parse(file);
    const items = itemsById(referencesHtml);
    expect(items.size).toBe(refCount);
    expect(referencesHtml.match(/href="https:\/\/doi\.org\//g) ?? []).toHaveLength(withDoi);
    expect(referencesHtml.match(/href="https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/"/g) ?? []).toHaveLength(withPmid);
    for (const ref of refs) {
      const li = items.get(ref.id) ?? '';
      if (ref.doi) expect(li, ref.id).toContain(`href="https://doi.org/${encodeURI(ref.doi)}"`);
      if (ref.pmid) expect(li, ref.id).toContain(`href="https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/"`);
    }
  });

  it('PLoS ONE: a DOI written only in a comment link is kept once, with its PMID, in AMA style', () => {
    const item = itemsById(parse('plosone-pmc-breast-cancer-PMC4524613.xml').referencesHtml).get('pone.0124658.ref001');
    expect(item).toBe(
      'Ciriello G, Sinha R, Hoadley KA, Jacobsen AS, Reva B, Perou CM, et al. The molecular diversity of Luminal A breast tumors. ' +
        '<em>Breast Cancer Res Treat</em>. 2013;141:409-420. ' +
        '<a rel="noopener" href="https://doi.org/10.1007/s10549-013-2699-3">doi:10.1007/s10549-013-2699-3</a> ' +
        '<a rel="noopener" href="https://pubmed.ncbi.nlm.nih.gov/24096568/">PMID: 24096568</a>',
    );
  });

  it('EHP: italics in titles survive; the web page keeps its link and access date', () => {
    const items = itemsById(parse('ehp-public-domain-research-ehp-116-1694.xml').referencesHtml);
    expect(items.get('b12-ehp-116-1694')).toContain('American kestrels (<em>Falco sparverius</em>)');
    expect(items.get('b41-ehp-116-1694')).toContain(
      '<a rel="noopener" href="http://www.ncbi.nlm.nih.gov/Genbank/index.html">',
    );
    expect(items.get('b41-ehp-116-1694')).toContain('[accessed 4 November 2008]');
  });

  it('PRISMA: a book chapter names its editors after "In:"; editors lead when there are no authors', () => {
    const items = itemsById(parse('plosmed-prisma-guideline-pmed.1000097.xml').referencesHtml);
    expect(items.get('pmed.1000097-Dickersin1')).toBe(
      'Dickersin K. Publication bias: Recognizing the problem, understanding its origins and scope, and preventing harm. ' +
        'In: Rothstein HR, Sutton AJ, Borenstein M, eds. <em>Publication bias in meta-analysis-Prevention, assessment and adjustments</em>. ' +
        'Chichester (UK): John Wiley &amp; Sons; 2005:11-33.',
    );
    expect(items.get('pmed.1000097-Green1')).toMatch(/^Green S, Higgins J, eds\. Glossary\./);
  });

  it('PLoS ONE: a book keeps its edition and publisher', () => {
    const items = itemsById(parse('plosone-pmc-breast-cancer-PMC4524613.xml').referencesHtml);
    expect(items.get('pone.0124658.ref013')).toBe(
      'Agresti A. <em>Categorical data analysis</em>. 2nd ed. New York: Wiley-Interscience; 2002.',
    );
  });
});

describe('reference identifiers wherever publishers put them (snippet)', () => {
  const items = itemsById(parse('snippets/reference-identifiers.xml').referencesHtml);

  it('ext-link-type="doi", a doi.org link in a comment, "doi:" text, each linked once', () => {
    expect(items.get('r1')).toBe(
      'Smith A. Typed ext-link DOI. <em>J Test</em>. 2001;1:1. <a rel="noopener" href="https://doi.org/10.5555/ref.one">doi:10.5555/ref.one</a>',
    );
    expect(items.get('r2')).toBe(
      'Jones B. DOI only as a link in a comment. <em>Test Q</em>. 1977;2:3. <a rel="noopener" href="https://doi.org/10.5555/ref.two">doi:10.5555/ref.two</a>',
    );
    expect(items.get('r3')).toContain('<a rel="noopener" href="https://doi.org/10.5555/ref.three">');
    expect(items.get('r3')).toContain('<a rel="noopener" href="https://pubmed.ncbi.nlm.nih.gov/20000003/">');
  });

  it('PMID as object-id or as a <?supplied-pmid?> instruction, PMCID, italics, and a plain uri', () => {
    expect(items.get('r4')).toContain('and a <em>Latin name</em>');
    expect(items.get('r4')).toContain('href="https://pubmed.ncbi.nlm.nih.gov/20000004/"');
    expect(items.get('r4')).toContain(
      '<a rel="noopener" href="https://www.ncbi.nlm.nih.gov/pmc/articles/PMC400004/">PMC400004</a>',
    );
    expect(items.get('r5')).toContain('href="https://pubmed.ncbi.nlm.nih.gov/20000005/"');
    expect(items.get('r6')).toContain('<a rel="noopener" href="https://registry.example.org/home">');
  });
});

describe('citations in the text, as the file writes them', () => {
  it('author-year citations stay inline links, a bare year too; reference numbers are superscripts', () => {
    const { fullTextHtml } = parse('snippets/reference-identifiers.xml');
    expect(fullTextHtml).toContain('(<a href="#r1">Smith et al., 2001</a>; <a href="#r2">1977</a>)');
    expect(fullTextHtml).toContain('numbered one<sup><a href="#r3">3</a></sup>');
  });

  it('EHP (author-year): the citation "2005" is not a superscript number', () => {
    const { fullTextHtml } = parse('ehp-public-domain-research-ehp-116-1694.xml');
    expect(fullTextHtml).toContain('<a href="#b47-ehp-116-1694">2005</a>');
    expect(fullTextHtml).not.toMatch(/<sup><a href="#b\d+-ehp-116-1694">/);
  });

  it('PLoS ONE writes "[1]": the number is shown in its brackets, not raised', () => {
    const { fullTextHtml } = parse('plosone-pmc-breast-cancer-PMC4524613.xml');
    expect(fullTextHtml).toContain('[<a href="#pone.0124658.ref001">1</a>]');
    expect(fullTextHtml).not.toContain('[<sup>');
  });

  it('Ioannidis: a bracketed group of citations ("[4,5]") is shown as one bracketed group', () => {
    const { fullTextHtml } = parse('plosmed-ioannidis-essay-nlm30-pmed.0020124.xml');
    expect(fullTextHtml).toContain('[<a href="#pmed-0020124-b1">1–3</a>]');
    expect(fullTextHtml).toContain('[<a href="#pmed-0020124-b4">4</a>,<a href="#pmed-0020124-b5">5</a>]');
    expect(fullTextHtml).not.toContain('<sup><a href="#pmed-0020124-b');
  });
});
