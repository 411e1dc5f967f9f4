import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getArticlePage } from '@/lib/articles/get-article-page';
import { importJats } from '@/lib/articles/jats/import-jats';
import { readFullText } from '@/lib/articles/read-full-text';
import { createReader } from '../support/billing-fixtures';
import { resetDatabase } from '../support/reset-db';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/jats');
const read = (file: string) => fs.readFileSync(path.join(fixtures, file), 'utf8');
const SNIPPET = 'snippets/back-matter-paid.xml';
const SNIPPET_DOI = '10.5555/jats-test.back-matter';
const APPENDIX = 'Appendix paragraph that only entitled readers may read';
const BODY = 'Gated body paragraph of the importer test article';
const COI = 'Dr Tester reported receiving consulting fees from Example Pharma';
const FUNDING = 'This work was supported by the Example Research Foundation grant ERF-2026-0042.';
const anonymous = { userId: null, ip: null };

describe('importing back matter', () => {
  beforeEach(resetDatabase);

  it('stores summaries, Article Information and the warnings; the import reports the warnings', async () => {
    const result = await importJats({ xml: read(SNIPPET), fileName: 'back-matter-paid.xml' });
    const verse = '<verse-group> is not rendered as such: its text is kept as plain text';
    expect(result.warnings).toContain(`back-matter-paid.xml: ${verse}`);
    const article = await db.article.findUniqueOrThrow({ where: { doi: SNIPPET_DOI } });
    expect(article.isFree).toBe(false);
    expect(article.summariesHtml).toContain('<h2>Key Points</h2>');
    expect(article.articleInfoHtml).toContain(COI);
    expect(article.articleInfoHtml).toContain(FUNDING);
    expect(article.fullTextHtml).toContain(APPENDIX);
    expect(article.importWarnings).toContain(verse);
    expect(article.importWarnings.map((w) => `back-matter-paid.xml: ${w}`)).toEqual(result.warnings);
  });

  it('a visitor gets Article Information (COI, funding) and the summaries, never the body or appendices', async () => {
    await importJats({ xml: read(SNIPPET), fileName: 'back-matter-paid.xml' });
    const page = await getArticlePage(SNIPPET_DOI);
    const visible = JSON.stringify(page);
    expect(page?.articleInfoHtml).toContain(COI);
    expect(page?.articleInfoHtml).toContain(FUNDING);
    expect(page?.summariesHtml).toContain('Key points findings sentence');
    for (const gated of [
      APPENDIX,
      BODY,
      'Appendix table cell value',
      'Second appendix paragraph kept behind the paywall',
    ])
      expect(visible).not.toContain(gated);

    expect(await readFullText(SNIPPET_DOI, anonymous)).toMatchObject({ canRead: false });
  });

  it('a buyer reads the body, the appendices (tables, figures) and the references', async () => {
    await importJats({ xml: read(SNIPPET), fileName: 'back-matter-paid.xml' });
    const reader = await createReader();
    const article = await db.article.findUniqueOrThrow({ where: { doi: SNIPPET_DOI } });
    const now = new Date();
    await db.articlePurchase.create({
      data: {
        userId: reader.id,
        articleId: article.id,
        confirmedAt: now,
        expiresAt: new Date(now.getTime() + 86_400_000),
        amountCents: 3000,
        currency: 'usd',
      },
    });
    const text = await readFullText(SNIPPET_DOI, { userId: reader.id, ip: null });
    expect(text?.canRead).toBe(true);
    if (!text?.canRead) return;
    expect(text.fullTextHtml).toContain(BODY);
    expect(text.fullTextHtml).toContain(APPENDIX);
    expect(text.fullTextHtml).toContain('<td>Appendix table cell value</td>');
    expect(text.fullTextHtml).toContain('Appendix figure caption of the importer test');
    expect(text.referencesHtml).toContain('href="https://doi.org/10.5555/jats-test.cited"');
  });

  it('a real article (PRISMA) keeps its disclosures public and its references linked', async () => {
    const file = 'plosmed-prisma-guideline-pmed.1000097.xml';
    await importJats({ xml: read(file), fileName: file });
    const page = await getArticlePage('10.1371/journal.pmed.1000097');
    expect(page?.articleInfoHtml).toContain(
      '<strong>Conflict of Interest Disclosures:</strong> The authors have declared that no competing interests exist.',
    );
    expect(page?.articleInfoHtml).toContain('PRISMA was funded by the Canadian Institutes of Health Research');
    const article = await db.article.findUniqueOrThrow({ where: { doi: '10.1371/journal.pmed.1000097' } });
    expect(article.referencesHtml.match(/href="https:\/\/doi\.org\//g)).toHaveLength(2);
  });

  it('re-importing replaces Article Information instead of adding to it', async () => {
    const xml = read(SNIPPET);
    await importJats({ xml, fileName: 'a.xml' });
    await importJats({ xml: xml.replace('Example Pharma', 'Other Pharma'), fileName: 'b.xml' });
    const article = await db.article.findUniqueOrThrow({ where: { doi: SNIPPET_DOI } });
    expect(article.articleInfoHtml).toContain('consulting fees from Other Pharma');
    expect(article.articleInfoHtml).not.toContain('Example Pharma');
    expect(await db.article.count()).toBe(1);
  });
});
