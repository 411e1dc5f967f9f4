// The searches a new reader tried on the sample journal, which found nothing before full-text search.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { htmlToParagraphs } from '@/lib/articles/html-to-text';
import { importJats } from '@/lib/articles/jats/import-jats';
import { searchArticles } from '@/lib/articles/search/search-articles';
import { parseSearchParams } from '@/lib/articles/search/search-params';
import { snippetText } from '@/lib/articles/search/parse-snippet';
import { resetDatabase } from '../support/reset-db';

const jatsDir = path.resolve(import.meta.dirname, '../../prisma/seed/jats');
const anonymous = { userId: null, ip: null };
const find = async (q: string) => (await searchArticles(parseSearchParams({ q }), anonymous, new Date())).results;

describe('search on the sample journal', () => {
  beforeAll(async () => {
    await resetDatabase();
    for (const file of fs.readdirSync(jatsDir).filter((f) => f.endsWith('.xml'))) {
      await importJats({ xml: fs.readFileSync(path.join(jatsDir, file)), fileName: file });
    }
  });

  it('finds "IVIG DRESS": the immunoglobulin-in-DRESS study first', async () => {
    const results = await find('IVIG DRESS');
    expect(results[0]?.title).toMatch(/Intravenous Immunoglobulins in DRESS/);
  });

  it('finds "stevens johnson" in titles written Stevens-Johnson, highlighted in the snippet', async () => {
    const results = await find('stevens johnson');
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.map((r) => r.title).join('\n')).toMatch(/Stevens-Johnson Syndrome/);
    expect(results.some((r) => r.snippet.some((p) => p.isMatch && /stevens|johnson/i.test(p.text)))).toBe(true);
  });

  it('finds "Pascal Joly" by author name', async () => {
    const results = await find('Pascal Joly');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.authors).toContain('Pascal Joly');
  });

  it('starts every snippet fragment at the start of a word of the text the reader may read', async () => {
    for (const q of ['drug', 'syndrome', 'patients', 'allopurinol', 'reaction']) {
      for (const r of await find(q)) {
        const article = await db.article.findUniqueOrThrow({ where: { doi: r.doi } });
        const readable = r.access === 'preview only' ? '' : article.fullTextHtml;
        const text = htmlToParagraphs(`${article.previewHtml} ${article.summariesHtml} ${readable}`).join(' ');
        for (const fragment of snippetText(r.snippet).split(' … ')) {
          const at = text.indexOf(fragment.slice(0, 25));
          expect(at, `${q}: ${fragment}`).toBeGreaterThanOrEqual(0);
          expect(text.slice(Math.max(0, at - 1), at), `${q}: ${fragment}`).not.toMatch(/[\p{L}\p{N}]/u);
        }
      }
    }
  });
});
