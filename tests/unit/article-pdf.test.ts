import { createCanvas, loadImage } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { type ArticlePdfInput, renderArticlePdf } from '@/lib/articles/pdf/render-article-pdf';
import { renderFirstPagePng } from '@/lib/articles/pdf/render-first-page';

const previewParagraphs = [
  'Severe cutaneous adverse reactions (SCARs) include drug rash with eosinophilia and systemic symptoms (DRESS), Stevens-Johnson syndrome (SJS), and toxic epidermal necrolysis (TEN). These reactions are rare but serious, with mortality ranging up to 10% in DRESS and as high as 30% in TEN. Despite the seriousness of SCARs, there is a lack of evidence-based consensus on treatment for these conditions.',
  'Since Viard et al1 showed success with intravenous immunoglobulin therapy (IVIG) in 10 patients with TEN,1 IVIG has become commonly prescribed for this condition.',
];

const paragraphsHtml = (paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');
const referencesHtml = (references: string[]) =>
  `<ol class="references">${references.map((r) => `<li>${r}</li>`).join('')}</ol>`;

const article: ArticlePdfInput = {
  journalTitle: 'Archives of Dermatology',
  citation: 'Arch Dermatol. 2012;148(4):545. doi:10.1001/archdermatol.2011.3156',
  sectionLabel: 'Practice Gaps',
  titleHtml:
    'The Need to Examine the Risks and Benefits of Intravenous Immunoglobulin Therapy in Severe Cutaneous Adverse Reactions',
  subtitle: 'Comment on “Poor Benefit/Risk Balance of Intravenous Immunoglobulins in DRESS”',
  authors: [{ name: 'Cindy England Owen, MD', affiliations: [1] }],
  affiliations: ['Division of Dermatology, University of Louisville, Louisville, Kentucky'],
  previewHtml: paragraphsHtml(previewParagraphs),
  bodyHtml: '',
  referencesHtml: referencesHtml([
    'Viard I, Wehrli P, Bullani R, et al. Inhibition of toxic epidermal necrolysis by blockade of CD95 with human intravenous immunoglobulin. Science. 1998;282(5388):490-493.',
  ]),
};

async function readPdf(pdf: Uint8Array) {
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
}

async function readPageText(pdf: Uint8Array, pageNumber: number): Promise<string> {
  const doc = await readPdf(pdf);
  const content = await (await doc.getPage(pageNumber)).getTextContent();
  await doc.destroy();
  const parts = content.items.map((item) => ('str' in item ? item.str : ''));
  return parts.join(' ').replace(/\s+/g, ' ');
}

describe('renderArticlePdf', () => {
  it('produces a one-page PDF whose first page carries the header, title and authors', async () => {
    const { pdf } = await renderArticlePdf(article);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await readPdf(pdf);
    expect(doc.numPages).toBe(1);
    await doc.destroy();

    const text = await readPageText(pdf, 1);
    expect(text).toContain(article.titleHtml);
    expect(text).toContain('Archives of Dermatology');
    expect(text).toContain('Cindy England Owen, MD');
    expect(text).toContain('Division of Dermatology, University of Louisville');
    expect(text).toContain('PRACTICE GAPS');
    // Curly quotes are in the standard fonts' WinAnsi set, so they survive as typed.
    expect(text).toContain('“Poor Benefit/Risk Balance');
    expect(text).toContain('References');
    expect(text).toContain('Page 1 of 1');
  });

  it('flows long text onto further pages and keeps going with characters the fonts lack', async () => {
    const long = {
      ...article,
      previewHtml: paragraphsHtml(
        Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: ${previewParagraphs[0]} Doses ≥2 g/kg, α−β ≤ 3 μg.`),
      ),
      referencesHtml: referencesHtml(
        Array.from({ length: 30 }, (_, i) => `Reference ${i + 1}. https://doi.org/10.1001/${'x'.repeat(120)}`),
      ),
    };
    const { pdf } = await renderArticlePdf(long);
    const doc = await readPdf(pdf);
    expect(doc.numPages).toBeGreaterThan(2);
    const pages = doc.numPages;
    await doc.destroy();

    const first = await readPageText(pdf, 1);
    expect(first).toContain('Paragraph 1:');
    // Greek and math signs come from the Symbol font; what neither font has is respelled.
    expect(first).toMatch(/Doses ≥ ?2 g\/kg, α ?[−-] ?β ≤ ?3 /);
    const last = await readPageText(pdf, pages);
    expect(last).toContain('Reference 30.');
    expect(last).toContain(`Page ${pages} of ${pages}`);
  });
});

describe('renderFirstPagePng', () => {
  it('renders page 1 of the PDF to an 800 px PNG with ink on it', async () => {
    const { pdf } = await renderArticlePdf(article);
    const image = await renderFirstPagePng(pdf);

    expect([...image.png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const header = Buffer.from(image.png);
    expect(header.readUInt32BE(16)).toBe(800);
    expect(header.readUInt32BE(20)).toBe(image.height);
    expect(image.width).toBe(800);
    // US Letter is 8.5 x 11 in.
    expect(image.height).toBe(Math.round((800 * 11) / 8.5));

    const decoded = await loadImage(Buffer.from(image.png));
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(decoded, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let dark = 0;
    let white = 0;
    for (let i = 0; i < data.length; i += 4) {
      const luminance = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
      if (luminance < 100) dark += 1;
      if (luminance > 250) white += 1;
    }
    const pixels = image.width * image.height;
    expect(dark / pixels).toBeGreaterThan(0.005); // text was drawn
    expect(white / pixels).toBeGreaterThan(0.5); // on a white page, not a black box
    // The caller's PDF bytes are left intact (pdfjs would otherwise detach them).
    expect(pdf.byteLength).toBeGreaterThan(0);
  });

  it('honours a requested width', async () => {
    const image = await renderFirstPagePng((await renderArticlePdf(article)).pdf, { width: 300 });
    expect(image.width).toBe(300);
    expect(image.height).toBe(Math.round((300 * 11) / 8.5));
  });
});
