// Formulas and tables as readers get them: MathML kept as <math> (from MathML, TeX or alternatives),
// display formulas with label and id, nothing hostile through, and readable text for search and PDF.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToParagraphs } from '@/lib/articles/html-to-text';
import { parseJats } from '@/lib/articles/jats/parse-jats';
import { sanitizeJatsHtml } from '@/lib/articles/jats/sanitize-jats-html';
import { texFormula } from '@/lib/articles/jats/tex-to-mathml';
import { mathmlToText } from '@/lib/articles/mathml-to-text';

const corpus = path.resolve(import.meta.dirname, '../fixtures/jats');
const parse = (file: string) => parseJats(fs.readFileSync(path.join(corpus, file)), path.basename(file));
const mathsOf = (html: string) => html.match(/<math\b[\s\S]*?<\/math>/g) ?? [];

describe('MathML from real files', () => {
  it('Mater Res: display formulas are blocks with their ids, the label beside the formula, fractions and scripts kept', () => {
    const a = parse('scielo-matres-mathml.xml');
    const e01 = /<div class="disp-formula" id="e01">([\s\S]*?)<\/div>/.exec(a.fullTextHtml)?.[1] ?? '';
    expect(e01).toMatch(/^\s*<math display="block"><mrow><mi>D<\/mi><mo>=<\/mo><mfrac><mi>γ<\/mi>/);
    expect(e01).toContain('<msubsup><mi>β</mi><mrow><mi>s</mi><mi>t</mi><mi>d</mi></mrow><mn>2</mn></msubsup>');
    expect(e01).toMatch(/<\/math>\s*<span class="formula-label">\(1\)<\/span>$/);
    // The quadratic formula reads as text, for search and the PDF's plain-text fallback.
    expect(htmlToParagraphs(a.fullTextHtml)).toContain('x = (- b ± √(b^2 - 4ac))/(2a)');
  });

  it('PeerJ: each inline formula with MathML, TeX and an image in <alternatives> shows the MathML only', () => {
    const a = parse('peerj-mathml-1000.xml');
    const maths = mathsOf(a.fullTextHtml);
    expect(maths).toHaveLength(11);
    expect(maths[0]).toBe(
      '<math><mfrac><mrow><mi mathvariant="normal">4</mi></mrow><mrow><mn>3</mn></mrow></mfrac><mi>π</mi><msup><mrow><mi>r</mi></mrow><mrow><mn>3</mn></mrow></msup></math>',
    );
    expect(a.fullTextHtml).not.toContain('\\frac');
    expect(a.fullTextHtml).not.toContain('ieqn-4.png');
  });

  it('PeerJ with its MathML taken out: the TeX is converted to MathML on import (temml)', () => {
    const tex = parse('derived/peerj-1000-tex-only.xml');
    const maths = mathsOf(tex.fullTextHtml);
    expect(maths).toHaveLength(11);
    for (const math of maths) {
      expect(math).toContain('<mfrac>');
      expect(math).toMatch(/<annotation encoding="application\/x-tex">[^<]*\\frac/);
    }
    expect(maths[0]).toContain('<msup><mi>r</mi><mn>3</mn></msup>');
    // The hidden TeX annotation is not read out as text: the formula is.
    expect(htmlToParagraphs(tex.fullTextHtml).join(' ')).toContain('sphere (4/3πr^3, where r = 1/2L');
    expect(htmlToParagraphs(tex.fullTextHtml).join(' ')).not.toContain('\\frac');
  });

  it('Bragantia: an xref to a display formula lands on it', () => {
    const a = parse('scielo-bragantia-ror-orcid-2022.xml');
    expect(a.fullTextHtml).toContain('<a href="#e01">Eq. 1</a>');
    expect(a.fullTextHtml).toContain('<div class="disp-formula" id="e01">');
  });
});

describe('formulas in every place (snippet)', () => {
  const a = parse('snippets/formulas-and-tables.xml');

  it('in the title and the abstract', () => {
    expect(a.titleHtml).toBe('Growth rate <math><msub><mi>r</mi><mn>0</mn></msub></math> of a test lesion');
    expect(a.previewHtml).toMatch(
      /doubling time <span class="inline-formula"><math><semantics><mrow><msub><mi>T<\/mi>/,
    );
    expect(a.previewHtml).toContain('<mfrac>');
  });

  it('inline MathML keeps its subscripts; display formulas their label and id; TeX-only ones become MathML', () => {
    expect(a.fullTextHtml).toContain(
      '<span class="inline-formula"><math><mrow><msub><mi>X</mi><mi>k</mi></msub><mo stretchy="false">(</mo>',
    );
    expect(htmlToParagraphs(a.fullTextHtml)).toContain('The index X_k(t,δt) was computed with Equation 1:');
    expect(a.fullTextHtml).toContain('<a href="#e1">Equation 1</a>');
    expect(a.fullTextHtml).toMatch(/<div class="disp-formula" id="e1">\s*<math display="block">[\s\S]*?<mfrac>/);
    expect(a.fullTextHtml).toMatch(
      /<div class="disp-formula" id="e2">\s*<math display="block"><semantics>[\s\S]*<munderover>[\s\S]*<\/math>\s*<span class="formula-label">\(2\)<\/span><\/div>/,
    );
    expect(htmlToParagraphs(a.fullTextHtml)).toContain('σ^2 = 1/(n − 1)∑_(i = 1)^n(x_i − x‾)^2 (2)');
  });

  it('alternatives give one rendering: the MathML, not the TeX source beside it nor the image', () => {
    expect(a.fullTextHtml).toContain(
      'shows once: <span class="inline-formula"><math><msqrt><mi>y</mi></msqrt></math></span>.',
    );
    expect(a.fullTextHtml).not.toContain('TEXSOURCEONLY');
  });

  it('hostile MathML is made harmless: no href, handlers, styles, maction or annotation-xml', () => {
    const hostile = /Hostile MathML is made harmless: (.*?) ends the sentence/.exec(a.fullTextHtml)?.[1];
    expect(hostile).toBe('<span class="inline-formula"><math><mi>z</mi></math></span>');
    expect(a.fullTextHtml).not.toMatch(/javascript|alert|onclick|style=|maction|annotation-xml|<script/i);
  });

  it('a table keeps headers with scope, spans and its footnote, in a labelled scroll region', () => {
    const table = /<figure class="table" id="t1">[\s\S]*?<\/figure>/.exec(a.fullTextHtml)?.[0] ?? '';
    expect(table).toContain('<figcaption id="t1-caption"><strong>Table 1</strong>');
    expect(table).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-labelledby="t1-caption"><table aria-labelledby="t1-caption">',
    );
    // thead cells written as <td> are headers of their columns; body row headers head rows.
    expect(table).toContain('<th scope="col" rowspan="2">Participant identifier</th>');
    expect(table).toContain('<th scope="colgroup" colspan="5">Baseline measurements in millimetres</th>');
    expect(table).toContain('<th scope="col">Length</th>');
    expect(table).toContain('<th scope="row">P-0001-Alpha</th>');
    expect(table).toMatch(/<div class="table-foot">\s*<div class="footnote" id="t1fn1">/);
    expect(htmlToParagraphs(table)).toContain(
      'P-0001-Alpha 12.5 8.25 1.75 103.125 180.469 11.75 7.5 1.5 88.125 132.1875',
    );
  });
});

describe('the sanitizer keeps MathML Core and nothing else', () => {
  it('drops links, scripts, handlers, styles and maction from MathML written straight into HTML', () => {
    const dirty =
      '<math href="javascript:alert(1)" display="block" onload="alert(2)"><maction actiontype="toggle" onclick="alert(3)"><mi style="x" mathvariant="normal">x</mi></maction>' +
      '<annotation-xml encoding="text/html"><script>alert(4)</script><a href="javascript:alert(5)">y</a></annotation-xml>' +
      '<mtext><img src="x" onerror="alert(6)"></mtext><mfrac linethickness="0"><mn>1</mn><mn>2</mn></mfrac></math>';
    expect(sanitizeJatsHtml(dirty)).toBe(
      '<math display="block"><mi mathvariant="normal">x</mi><a>y</a><mtext></mtext><mfrac linethickness="0"><mn>1</mn><mn>2</mn></mfrac></math>',
    );
  });
});

describe('TeX and text', () => {
  it('finds the formula inside a typesetter’s whole TeX document', () => {
    expect(
      texFormula('\\documentclass[12pt]{minimal}\\usepackage{amsmath}\\begin{document}$$R_0$$\\end{document}'),
    ).toBe('R_0');
    expect(texFormula('\\(a+b\\)')).toBe('a+b');
  });

  it('reads fractions, scripts and roots as a line of text', () => {
    expect(mathmlToText('<math><mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mn>1</mn></mrow></mfrac></math>')).toBe(
      'a/(b + 1)',
    );
    expect(
      mathmlToText('<math><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup><mo>=</mo><msqrt><mi>y</mi></msqrt></math>'),
    ).toBe('x_i^2 = √y');
  });
});
