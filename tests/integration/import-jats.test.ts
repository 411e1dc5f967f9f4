import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { importJats, importJatsBatch } from '@/lib/articles/jats/import-jats';
import { JatsImportError } from '@/lib/articles/jats/jats-import-error';
import { searchArticles } from '@/lib/articles/search/search-articles';
import { parseSearchParams } from '@/lib/articles/search/search-params';
import { resetDatabase } from '../support/reset-db';

const samplesDir = path.resolve(import.meta.dirname, '../fixtures/jats');
const readSample = (file: string) => fs.readFileSync(path.join(samplesDir, file), 'utf8');

async function countRows() {
  const [journals, issues, articles, authors, topics, articleTopics] = await Promise.all([
    db.journal.count(),
    db.issue.count(),
    db.article.count(),
    db.articleAuthor.count(),
    db.topic.count(),
    db.articleTopic.count(),
  ]);
  return { journals, issues, articles, authors, topics, articleTopics };
}

describe('importJats', () => {
  beforeEach(resetDatabase);

  it('creates the journal, issue, article and authors from a sample', async () => {
    const file = 'critcare-meeting-abstract-cc11003.xml';
    const result = await importJats({ xml: readSample(file), fileName: file, position: 3 });
    expect(result).toMatchObject({ doi: '10.1186/cc11003', created: true });

    const article = await db.article.findUniqueOrThrow({
      where: { doi: '10.1186/cc11003' },
      include: { journal: true, issue: true, authors: { orderBy: { position: 'asc' } } },
    });
    expect(article.id).toBe(result.articleId);
    expect(article).toMatchObject({
      sourceFile: file,
      position: 3,
      fpage: 'P396',
      isFree: true,
      articleType: 'abstract',
    });
    expect(article.journal).toMatchObject({
      slug: 'crit-care',
      title: 'Critical Care',
      abbreviation: 'Crit Care',
      issn: '1364-8535',
    });
    expect(article.issue).toMatchObject({ volume: '16', number: 'Suppl 1', year: 2012 });
    expect(article.authors.map((a) => a.surname)).toEqual(['Figueira', 'Oliveros', 'López', 'Civantos', 'Fernández']);
    expect(article.publishedOnline?.toISOString()).toBe('2012-03-20T00:00:00.000Z');
    expect(article.previewHtml).toContain('The aim was to determine');
  });

  it('stores a collab author and topics', async () => {
    const file = 'plosmed-ioannidis-essay-nlm30-pmed.0020124.xml';
    await importJats({ xml: readSample(file), fileName: file });
    const article = await db.article.findUniqueOrThrow({
      where: { doi: '10.1371/journal.pmed.0020124' },
      include: { topics: { include: { topic: true } }, journal: true },
    });
    expect(article.journal.slug).toBe('plos-med');
    expect(article.topics.map((t) => t.topic.name)).toContain('Genetics and Genomics');
  });

  it('an imported article is found by its title, its authors and its topics, imported again too', async () => {
    const file = 'plosmed-ioannidis-essay-nlm30-pmed.0020124.xml';
    const doisFor = async (q: string) =>
      (await searchArticles(parseSearchParams({ q }), { userId: null, ip: null }, new Date())).results.map(
        (r) => r.doi,
      );
    for (let round = 0; round < 2; round += 1) {
      await importJats({ xml: readSample(file), fileName: file });
      expect(await doisFor('published research findings false')).toEqual(['10.1371/journal.pmed.0020124']);
      expect(await doisFor('Ioannidis')).toEqual(['10.1371/journal.pmed.0020124']);
      // The whole search document, authors and topics included, as the triggers define it.
      const [row] = await db.$queryRaw<{ current: boolean; related: string }[]>`
        SELECT "searchVector" = "searchVectorOwn" || article_search_vector_related("id") AS current,
               article_search_vector_related("id")::text AS related
          FROM "Article" WHERE "doi" = '10.1371/journal.pmed.0020124'`;
      expect(row).toMatchObject({ current: true });
      expect(row!.related).toContain("'ioannidi'");
      expect(row!.related).toContain("'genom'");
    }
  });

  it('a batch reports each file on its own: one that fails to parse or to write fails alone', async () => {
    const good = ['ehp-public-domain-research-ehp-116-1694.xml', 'plosmed-prisma-guideline-pmed.1000097.xml'];
    const outcomes = await importJatsBatch([
      { xml: readSample(good[0]!), fileName: good[0]! },
      { xml: '<article><front></article>', fileName: 'broken.xml' },
      // Past PostgreSQL's integer: refused by the database while the batch is written.
      { xml: readSample('critcare-meeting-abstract-cc11003.xml'), fileName: 'too-far.xml', position: 2 ** 40 },
      { xml: readSample(good[1]!), fileName: good[1]! },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true]);
    expect(String(outcomes[1]!.ok ? '' : outcomes[1]!.error)).toMatch(/broken\.xml: not well-formed XML/);
    const stored = await db.article.findMany({ select: { sourceFile: true }, orderBy: { sourceFile: 'asc' } });
    expect(stored.map((a) => a.sourceFile)).toEqual([...good].sort());
    expect(await db.journal.count()).toBe(2);
  });

  it('importing the same file twice updates instead of duplicating', async () => {
    const file = 'plosmed-prisma-guideline-pmed.1000097.xml';
    const xml = readSample(file);
    const first = await importJats({ xml, fileName: file });
    const before = await countRows();
    const second = await importJats({ xml, fileName: 'renamed.xml' });
    expect(second).toMatchObject({ articleId: first.articleId, doi: first.doi, created: false });
    expect(await countRows()).toEqual(before);
    expect(before).toMatchObject({ journals: 1, issues: 1, articles: 1, authors: 5 });
    const article = await db.article.findUniqueOrThrow({ where: { doi: first.doi } });
    expect(article.sourceFile).toBe('renamed.xml');
  });

  it('a bad file writes nothing', async () => {
    const file = 'ehp-public-domain-research-ehp-116-1694.xml';
    await importJats({ xml: readSample(file), fileName: file });
    const before = await countRows();
    const withoutDoi = readSample('elife-poa-no-body-e06828.xml').replace(
      '<article-id pub-id-type="doi">10.7554/eLife.06828</article-id>',
      '',
    );
    await expect(importJats({ xml: withoutDoi, fileName: 'elife.xml' })).rejects.toThrow(JatsImportError);
    await expect(importJats({ xml: '<article><front></article>', fileName: 'broken.xml' })).rejects.toThrow(
      /broken\.xml: not well-formed XML/,
    );
    expect(await countRows()).toEqual(before);
  });

  it('imports all eight samples side by side', async () => {
    const files = [
      'bmc-oralhealth-nlm23-1472-6831-8-11.xml',
      'critcare-meeting-abstract-cc11003.xml',
      'ehp-public-domain-research-ehp-116-1694.xml',
      'elife-poa-no-body-e06828.xml',
      'plosmed-ioannidis-essay-nlm30-pmed.0020124.xml',
      'plosmed-prisma-guideline-pmed.1000097.xml',
      'plosone-pmc-breast-cancer-PMC4524613.xml',
      'scielo-errata-correction-rbee-2020.xml',
    ];
    for (const file of files) await importJats({ xml: readSample(file), fileName: file });
    expect(await db.article.count()).toBe(8);
    expect(await db.journal.count()).toBe(7);
  });
});
