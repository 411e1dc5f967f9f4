// What real publishers' files carry and the importer used to lose or refuse: declared encodings,
// internal entities, every form of author name, ORCID iDs, institution ids, inline title formatting.
import { describe, expect, it } from 'vitest';
import { JatsImportError } from '@/lib/articles/jats/jats-import-error';
import { parseJats } from '@/lib/articles/jats/parse-jats';

const article = (meta: string, { prolog = '<?xml version="1.0" encoding="UTF-8"?>', body = '' } = {}) => `${prolog}
<article article-type="research-article" xmlns:xlink="http://www.w3.org/1999/xlink">
  <front>
    <journal-meta><journal-title-group><journal-title>Acta Dermato-Venereologica</journal-title></journal-title-group></journal-meta>
    <article-meta>
      <article-id pub-id-type="doi">10.2340/test.1</article-id>
      ${meta}
    </article-meta>
  </front>
  ${body}
</article>`;
const title = (t: string) => `<title-group><article-title>${t}</article-title></title-group>`;
const withAuthors = (contribs: string, affs = '') =>
  article(`${title('T')}<contrib-group>${contribs}</contrib-group>${affs}`);

function refusal(input: string | Uint8Array, fileName = 'f.xml'): string {
  try {
    parseJats(input, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(JatsImportError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('character encodings', () => {
  it('honours an ISO-8859-1 declaration instead of turning accents into U+FFFD', () => {
    const xml = article(title('Érythème polymorphe chez l’enfant'.replace('’', "'")), {
      prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>',
    });
    const parsed = parseJats(Buffer.from(xml, 'latin1'), 'latin1.xml');
    expect(parsed.title).toBe("Érythème polymorphe chez l'enfant");
  });

  it('reads UTF-16 with a byte order mark, and UTF-8 with one', () => {
    const xml = article(title('Ödem – naïve'), { prolog: '<?xml version="1.0" encoding="UTF-16"?>' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(parseJats(utf16, 'u16.xml').title).toBe('Ödem – naïve');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(article(title('Ödem')), 'utf8')]);
    expect(parseJats(utf8, 'bom.xml').title).toBe('Ödem');
  });

  it('refuses bytes that are not what the declaration says, naming the file', () => {
    const xml = Buffer.from(article(title('Érythème')), 'latin1'); // declares UTF-8
    expect(refusal(xml, 'mislabelled.xml')).toMatch(
      /^mislabelled\.xml: is not valid UTF-8 \(first bad byte at offset \d+\), but its declaration says UTF-8/,
    );
    expect(refusal(Buffer.from(article(title('x'), { prolog: '<?xml version="1.0" encoding="EBCDIC-X"?>' })))).toBe(
      'f.xml: declares the character encoding "EBCDIC-X", which is not supported; save it as UTF-8',
    );
  });
});

describe('entities', () => {
  it('expands internal-subset entities (a harmless DOCTYPE used to be refused as malformed)', () => {
    const xml = article(title('Skin &amp; &foo; &nested;'), {
      prolog: '<?xml version="1.0"?>\n<!DOCTYPE article [\n<!ENTITY foo "bar">\n<!ENTITY nested "&foo;-&#x3B1;">\n]>',
    });
    expect(parseJats(xml, 'subset.xml').title).toBe('Skin & bar bar-α');
  });

  it('expands the JATS DTD character entities when the file names the DTD (never loaded)', () => {
    const xml = article(title('&Acirc; &alpha; &ndash; &Afr;'), {
      prolog:
        '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd">',
    });
    expect(parseJats(xml, 'dtd.xml').title).toBe('Â α – 𝔄');
  });

  it('refuses external entities without fetching them', () => {
    const system = article(title('&x;'), {
      prolog: '<!DOCTYPE article [<!ENTITY x SYSTEM "http://127.0.0.1:9/never">]>',
    });
    expect(refusal(system, 'xxe.xml')).toBe(
      'xxe.xml: declares the external entity &x; (SYSTEM "http://127.0.0.1:9/never"); external entities are never loaded, so the file is refused',
    );
    const parameter = article(title('t'), {
      prolog: '<!DOCTYPE article [<!ENTITY % p PUBLIC "-//X//EN" "file:///etc/passwd"> %p;]>',
    });
    expect(refusal(parameter, 'pe.xml')).toMatch(/^pe\.xml: declares the external entity %p; \(PUBLIC/);
  });

  it('refuses expansion bombs and entities that refer to themselves', () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = article(title('&l9;'), { prolog: `<!DOCTYPE article [<!ENTITY l0 "lol">${laughs}]>` });
    expect(refusal(bomb, 'lol.xml')).toMatch(/^lol\.xml: the entity &l5; expands to more than 100,000 characters/);
    const wide = article(title('&big;'.repeat(30)), {
      prolog: `<!DOCTYPE article [<!ENTITY big "${'x'.repeat(90_000)}">]>`,
    });
    expect(refusal(wide, 'wide.xml')).toMatch(/^wide\.xml: entity references expand to more than 2,000,000 characters/);
    const loop = article(title('&a;'), { prolog: '<!DOCTYPE article [<!ENTITY a "&b;"><!ENTITY b "&a;">]>' });
    expect(refusal(loop, 'loop.xml')).toBe('loop.xml: the entity &a; refers to itself (a → b → a)');
  });

  it('names an undefined entity rather than calling the file malformed', () => {
    expect(refusal(article(title('Caf&eacute;')), 'undef.xml')).toMatch(
      /^undef\.xml: line 7 uses the entity &eacute;, which the file does not define/,
    );
  });

  it('calls a file "not well-formed" when it is, with the line', () => {
    expect(refusal(article(title('<italic>open')), 'nwf.xml')).toMatch(/^nwf\.xml: not well-formed XML at line \d+/);
  });

  it('leaves entity-like text inside comments and CDATA alone', () => {
    const xml = article(`${title('A <![CDATA[&nbsp;]]> B')}<!-- &szlig; -->`);
    expect(parseJats(xml, 'cdata.xml').title).toBe('A &nbsp; B');
  });
});

describe('authors in every form', () => {
  it('string-name (bare or with parts), name-alternatives, collab, prefix/suffix, untyped contrib, anonymous', () => {
    const xml = withAuthors(`
      <contrib contrib-type="author"><string-name>Jane Q. Public</string-name></contrib>
      <contrib contrib-type="author"><string-name><given-names>Ana</given-names> <surname>Souza</surname></string-name></contrib>
      <contrib contrib-type="author"><name-alternatives>
        <name name-style="eastern" xml:lang="zh"><surname>王</surname><given-names>小明</given-names></name>
        <name name-style="western" xml:lang="en"><surname>Wang</surname><given-names>Xiaoming</given-names></name>
      </name-alternatives></contrib>
      <contrib contrib-type="author"><collab>The DRESS Study Group<contrib-group><contrib><name><surname>Member</surname></name></contrib></contrib-group></collab></contrib>
      <contrib contrib-type="author"><name><prefix>Dr</prefix><surname>Ramos</surname><given-names>Alberto</given-names><suffix>Jr</suffix></name></contrib>
      <contrib><name><surname>Untyped</surname><given-names>Una</given-names></name></contrib>
      <contrib contrib-type="author"><anonymous/></contrib>
      <contrib contrib-type="editor"><name><surname>Editor</surname></name></contrib>
      <contrib contrib-type="author"><role>Writing</role></contrib>`);
    const parsed = parseJats(xml, 'names.xml');
    expect(parsed.authors.map((a) => [a.givenNames, a.surname, a.collab, a.prefix, a.suffix])).toEqual([
      [null, 'Jane Q. Public', null, null, null],
      ['Ana', 'Souza', null, null, null],
      ['Xiaoming', 'Wang', null, null, null],
      [null, null, 'The DRESS Study Group', null, null],
      ['Alberto', 'Ramos', null, 'Dr', 'Jr'],
      ['Una', 'Untyped', null, null, null],
      [null, null, 'Anonymous', null, null],
    ]);
    expect(parsed.warnings).toEqual(['author 8 has no name (no <name>, <string-name> or <collab>) and was left out']);
  });

  it('normalises ORCID iDs to https://orcid.org/… and refuses bad checksums with a warning', () => {
    const xml = withAuthors(`
      <contrib contrib-type="author"><name><surname>A</surname></name><contrib-id contrib-id-type="orcid">http://orcid.org/0000-0002-1825-0097</contrib-id></contrib>
      <contrib contrib-type="author"><name><surname>B</surname></name><contrib-id contrib-id-type="ORCID" authenticated="true">0000-0001-5109-018x</contrib-id></contrib>
      <contrib contrib-type="author"><name><surname>C</surname></name><ext-link ext-link-type="uri" xlink:href="https://orcid.org/0000-0002-9079-593X">ORCID</ext-link></contrib>
      <contrib contrib-type="author"><name><surname>D</surname></name><contrib-id contrib-id-type="orcid">0000-0002-1825-0098</contrib-id></contrib>`);
    const parsed = parseJats(xml, 'orcid.xml');
    expect(parsed.authors.map((a) => a.orcid)).toEqual([
      'https://orcid.org/0000-0002-1825-0097',
      'https://orcid.org/0000-0001-5109-018X',
      'https://orcid.org/0000-0002-9079-593X',
      null,
    ]);
    expect(parsed.warnings).toEqual(['author 4: "0000-0002-1825-0098" is not a valid ORCID iD and was left out']);
  });

  it('keeps ROR, ISNI and Ringgold ids apart from the affiliation text, per author, several each', () => {
    const xml = withAuthors(
      `<contrib contrib-type="author"><name><surname>A</surname></name><xref ref-type="aff" rid="a1"/><xref ref-type="aff" rid="a2"/></contrib>
       <contrib contrib-type="author"><name><surname>B</surname></name><xref ref-type="aff" rid="a2"/></contrib>`,
      `<aff id="a1"><label>1</label><institution-wrap><institution-id institution-id-type="ror">https://ror.org/01xtthb56</institution-id><institution-id institution-id-type="ISNI">0000 0004 1936 8921</institution-id><institution>University of Oslo</institution></institution-wrap>, <country>Norway</country></aff>
       <aff id="a2"><label>2</label><institution-wrap><institution-id institution-id-type="Ringgold">6305</institution-id><institution>Karolinska Institutet</institution></institution-wrap><country>Sweden</country></aff>`,
    );
    const [a, b] = parseJats(xml, 'ids.xml').authors;
    expect(a?.affiliations).toEqual([
      {
        text: 'University of Oslo, Norway',
        ror: 'https://ror.org/01xtthb56',
        isni: '0000000419368921',
        ringgold: null,
      },
      { text: 'Karolinska Institutet, Sweden', ror: null, isni: null, ringgold: '6305' },
    ]);
    expect(b?.affiliations.map((x) => x.text)).toEqual(['Karolinska Institutet, Sweden']);
  });

  it('gives an aff nobody points at to every author of its contrib-group', () => {
    const xml = article(
      `${title('T')}<contrib-group><contrib contrib-type="author"><name><surname>A</surname></name></contrib>
       <contrib contrib-type="author"><name><surname>B</surname></name></contrib><aff>Mayo Clinic, Rochester, MN</aff></contrib-group>`,
    );
    expect(parseJats(xml, 'shared.xml').authors.map((a) => a.affiliations[0]?.text)).toEqual([
      'Mayo Clinic, Rochester, MN',
      'Mayo Clinic, Rochester, MN',
    ]);
  });
});

describe('title formatting', () => {
  it('keeps italic species names and sub/superscripts as HTML beside the plain title', () => {
    const parsed = parseJats(
      article(
        title(
          '<italic>Staphylococcus aureus</italic> and CO<sub>2</sub> at 10<sup>6</sup> <sc>cfu</sc><xref ref-type="fn" rid="f1">*</xref>',
        ),
      ),
      'italic.xml',
    );
    expect(parsed.title).toBe('Staphylococcus aureus and CO2 at 106 cfu');
    expect(parsed.titleHtml).toBe(
      '<i>Staphylococcus aureus</i> and CO<sub>2</sub> at 10<sup>6</sup> <span class="small-caps">cfu</span>',
    );
  });

  it('writes no markup from the file: scripts, attributes and escaped tags stay text', () => {
    const parsed = parseJats(
      article(
        title('A <script>alert(1)</script><italic onclick="alert(2)">b</italic> &lt;img src=x onerror=alert(3)&gt;'),
      ),
      'xss.xml',
    );
    expect(parsed.titleHtml).toBe('A alert(1)<i>b</i> &lt;img src=x onerror=alert(3)&gt;');
  });
});
