import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { describe, expect, it } from 'vitest';
import { parseJats } from '@/lib/articles/jats/parse-jats';
import { type ArticlePdfInput, renderArticlePdf } from '@/lib/articles/pdf/render-article-pdf';

const BODY_SIZE = 9.5;
const sentence =
  'Lipid metabolism plays an important role during the lifetime of the bacterium, and the enzymes that release fatty acids are thought to matter in dormancy.';

const base: ArticlePdfInput = {
  journalTitle: 'Archives of Dermatology',
  citation: 'Arch Dermatol. 2012;148(4):545. doi:10.1001/archdermatol.2011.3156',
  sectionLabel: 'Original Investigation',
  titleHtml: 'Lipolytic enzymes of <em>Mycobacterium tuberculosis</em>',
  authors: [
    { name: 'Ada Lovelace, MD', affiliations: [1] },
    { name: 'Alan Turing, PhD', affiliations: [2] },
  ],
  affiliations: ['Department of Dermatology, Example University', 'Institute of Computing, Example City'],
  previewHtml: `<p>${sentence} Preview cites a study <a href="#r1">[1]</a>, <a href="#r2">[2]</a>.</p>`,
  bodyHtml: [
    '<section><h2>Methods</h2>',
    `<p>${sentence.repeat(3)} As shown before <a href="#r3">[3]</a>.</p>`,
    '<section><h3>Enzyme assays</h3>',
    `<p>${sentence} Rates were <math><mfrac><mi>x</mi><mrow><mi>y</mi><mo>+</mo><mn>1</mn></mrow></mfrac></math> and <math><msub><mi>K</mi><mi>m</mi></msub></math> rose.</p>`,
    '<math display="block"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>',
    '<figure class="table" id="t1"><figcaption><strong>Table 1</strong> Activities</figcaption><table>',
    '<thead><tr><td>Protein</td><td>Best substrate</td><td>Activity (U/mg)</td></tr></thead>',
    '<tbody><tr><td>LipC</td><td>C4 esters of a long description that must wrap in its cell</td><td>0.12</td></tr>',
    '<tr><td>LipF</td><td>C10</td><td>0.18</td></tr></tbody></table>',
    '<div class="table-foot"><p>Abbreviation: U, unit.</p></div></figure>',
    '<figure class="figure" id="f1"><figcaption><strong>Figure 1</strong> Growth curves.</figcaption></figure>',
    '</section></section>',
  ].join(''),
  referencesHtml: '<ol class="references"><li>First reference.</li><li>Second reference.</li><li>Third.</li></ol>',
};

type Item = { str: string; x: number; y: number; width: number; size: number; page: number };

async function readItems(pdf: Uint8Array): Promise<Item[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const items: Item[] = [];
  for (let page = 1; page <= doc.numPages; page += 1) {
    const content = await (await doc.getPage(page)).getTextContent();
    for (const item of content.items as TextItem[]) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [a, , , , x, y] = item.transform as number[];
      items.push({ str: item.str, x: x!, y: y!, width: item.width, size: Math.abs(a!), page });
    }
  }
  await doc.destroy();
  return items;
}

const textOf = (items: Item[]) =>
  items
    .map((i) => i.str)
    .join(' ')
    .replace(/\s+/g, ' ');

describe('the article PDF as a journal page', () => {
  it('draws headings, the authors with affiliation numbers and the affiliations', async () => {
    const items = await readItems((await renderArticlePdf(base)).pdf);
    const text = textOf(items);
    for (const s of ['Methods', 'Enzyme assays', 'References', 'Ada Lovelace, MD', 'Institute of Computing']) {
      expect(text).toContain(s);
    }
    const methods = items.find((i) => i.str === 'Methods')!;
    const subheading = items.find((i) => i.str === 'Enzyme assays')!;
    expect(methods.size).toBeGreaterThan(subheading.size - 0.01);
    expect(text).not.toContain('[1]');
  });

  it('sets citations as raised small numbers of their own, joined into one run', async () => {
    const items = await readItems((await renderArticlePdf(base)).pdf);
    const cite = items.find((i) => i.str === '1,2')!;
    expect(cite).toBeDefined();
    expect(cite.size).toBeLessThan(BODY_SIZE * 0.8);
    const word = items[items.indexOf(cite) - 1]!;
    expect(word.str).toMatch(/study$/);
    expect(cite.y).toBeGreaterThan(word.y + 2);
    // no space before the raised number: it starts where the word ends (pdfjs's metrics differ a little)
    expect(Math.abs(cite.x - (word.x + word.width))).toBeLessThan(1.5);
    expect(items.some((i) => i.str === '3' && i.size < BODY_SIZE * 0.8)).toBe(true);
  });

  it('draws a table cell by cell in reading order, its wrapped cell on lines of its own', async () => {
    const items = await readItems((await renderArticlePdf(base)).pdf);
    const order = ['Protein', 'Best', 'Activity', 'LipC', 'C4', '0.12', 'LipF', 'C10', '0.18'];
    const found = order.map((s) => items.findIndex((i) => i.str.startsWith(s)));
    expect(found.map((index, i) => (index >= 0 ? order[i] : null))).toEqual(order);
    // in reading order: the extracted text has the cells row by row
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    const rows = order.map((s) => items.find((i) => i.str.startsWith(s))!);
    // header above the first row, first row above the second; cells of a row share a baseline
    expect(rows[0]!.y).toBeGreaterThan(rows[3]!.y);
    expect(rows[3]!.y).toBeCloseTo(rows[5]!.y, 1);
    expect(rows[3]!.y).toBeGreaterThan(rows[6]!.y);
    expect(rows[1]!.x).toBeGreaterThan(rows[0]!.x);
    // the long cell wraps within its column: its last word sits lower, at the cell's left edge
    const last = items.find((i) => /cell$/.test(i.str))!;
    expect(last.y).toBeLessThan(rows[4]!.y);
    expect(last.x).toBeCloseTo(rows[4]!.x, 1);
    expect(textOf(items)).toContain('Abbreviation: U, unit.');
  });

  it('repeats a long table’s header rows where it continues in the next column', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => `<tr><td>Row ${i + 1}</td><td>${i * 3}</td></tr>`).join('');
    const table = `<figure class="table"><table><thead><tr><th>Sample</th><th>Count</th></tr></thead><tbody>${rows}</tbody></table></figure>`;
    const items = await readItems((await renderArticlePdf({ ...base, bodyHtml: table })).pdf);
    const headers = items.filter((i) => i.str === 'Sample');
    expect(headers.length).toBeGreaterThan(1);
    // each header copy sits above the rows that follow it in its column
    const secondHeader = headers[1]!;
    const next = items[items.indexOf(secondHeader) + 2]!;
    expect(next.str).toMatch(/^Row \d+$/);
    expect(next.y).toBeLessThan(secondHeader.y);
    expect(items.filter((i) => /^Row \d+$/.test(i.str)).length).toBe(90);
  });

  it('writes formulas as readable linear text with lowered and raised scripts', async () => {
    const items = await readItems((await renderArticlePdf(base)).pdf);
    const text = textOf(items);
    expect(text).toMatch(/x ?\/ ?\( ?y ?\+ ?1 ?\)/);
    const sub = items.find((i) => i.str === 'm' && i.size < BODY_SIZE * 0.8)!;
    const base_ = items.find((i) => i.str.endsWith('K') && i.page === sub.page && Math.abs(i.y - sub.y) < 4)!;
    expect(sub.y).toBeLessThan(base_.y);
    const square = items.find((i) => i.str === '2' && i.size < BODY_SIZE * 0.8)!;
    expect(square).toBeDefined();
  });

  it('frames a figure without an image and draws the stored image when there is one', async () => {
    const without = await renderArticlePdf(base);
    expect(textOf(await readItems(without.pdf))).toContain('Figure 1 Growth curves.');
    expect(textOf(await readItems(without.pdf))).toContain('Figure in the online article');
    // 1×1 px PNG
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const asked: string[] = [];
    const withImage = await renderArticlePdf({ ...base, figureImage: (id) => (asked.push(id), png) });
    expect(asked).toEqual(['f1']);
    expect(textOf(await readItems(withImage.pdf))).not.toContain('Figure in the online article');
    expect(Buffer.from(withImage.pdf).includes('/Subtype /Image')).toBe(true);
  });

  it('never stretches word spaces: on every body line the gaps are at most one space', async () => {
    const file = path.resolve(import.meta.dirname, '../fixtures/jats/plosone-pmc-pone.0046493.xml');
    const parsed = parseJats(fs.readFileSync(file), 'plosone.xml');
    const real = {
      ...base,
      previewHtml: parsed.previewHtml,
      bodyHtml: parsed.fullTextHtml,
      referencesHtml: parsed.referencesHtml,
    };
    for (const input of [real, { ...base, bodyHtml: `<p>${`${sentence} `.repeat(60)}</p>` }]) {
      const items = await readItems((await renderArticlePdf(input)).pdf);
      const baselines = items.filter((i) => Math.abs(i.size - BODY_SIZE) < 0.01);
      const column = (i: Item) => `${i.page}:${i.x < 300 ? 'L' : 'R'}`;
      let lines = 0;
      for (const key of new Set(baselines.map((i) => `${column(i)}:${i.y.toFixed(1)}`))) {
        const [, , y] = key.split(':');
        // the line's runs: its text and the raised or lowered runs beside it (citations, scripts)
        const runs = items
          .filter((i) => column(i) === key.split(':').slice(0, 2).join(':') && Math.abs(i.y - Number(y)) < 4.5)
          .sort((a, b) => a.x - b.x);
        for (let i = 1; i < runs.length; i += 1) {
          const gap = runs[i]!.x - (runs[i - 1]!.x + runs[i - 1]!.width);
          expect(gap, `gap before "${runs[i]!.str}" on page ${runs[i]!.page}`).toBeLessThan(BODY_SIZE * 0.35);
        }
        for (const run of runs) expect(run.str).not.toMatch(/\S {2,}\S/);
        lines += 1;
      }
      expect(lines).toBeGreaterThan(40);
    }
  }, 30_000);

  it('reports the public part of page 1: the title block and the preview, nothing below', async () => {
    const { publicRegions } = await renderArticlePdf(base);
    expect(publicRegions.length).toBe(2);
    const [title, preview] = publicRegions;
    expect(title!.top).toBe(0);
    expect(preview!.top).toBeCloseTo(title!.height, 5);
    // the preview is three lines or so: it ends well above the page's foot
    expect(preview!.height).toBeGreaterThan(20);
    expect(preview!.height).toBeLessThan(120);
  });
});
