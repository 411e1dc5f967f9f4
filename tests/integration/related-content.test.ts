import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { PUT } from '@/app/api/sidebar-layout/route';
import { getSidebarLayout, saveSidebarLayout } from '@/lib/related/sidebar-layout';
import { listRelatedByTopic, listSeeAlso } from '@/lib/related/list-related-articles';
import { getPubmedArticles } from '@/lib/related/get-pubmed-articles';
import { listCitations } from '@/lib/related/list-citations';
import { refreshCitedBy } from '@/lib/related/refresh-cited-by';
import { startNcbiStandIn, type NcbiStandIn } from '../support/ncbi-stand-in';
import { resetDatabase } from '../support/reset-db';

function putLayout(body: unknown) {
  return PUT(
    new NextRequest('http://localhost/api/sidebar-layout', {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  );
}

async function makeArticles(topicsByTitle: Record<string, string[]>) {
  const journal = await db.journal.create({ data: { slug: 'j', title: 'Journal', abbreviation: 'J' } });
  const ids: Record<string, string> = {};
  for (const [i, [title, topics]] of Object.entries(topicsByTitle).entries()) {
    const a = await db.article.create({
      data: {
        doi: `10.1/a${i}`,
        journalId: journal.id,
        articleType: 'research-article',
        title,
        previewHtml: '',
        fullTextHtml: '',
        publishedOnline: new Date(Date.UTC(2012, 0, i + 1)),
      },
    });
    ids[title] = a.id;
    for (const slug of topics) {
      const topic = await db.topic.upsert({ where: { slug }, create: { slug, name: slug }, update: {} });
      await db.articleTopic.create({ data: { articleId: a.id, topicId: topic.id } });
    }
  }
  return ids;
}

describe('sidebar layout', () => {
  beforeEach(resetDatabase);

  it('answers 422 for unknown or repeated box ids, and for a missing order', async () => {
    for (const order of [
      ['see-also', 'by-topic', 'topics', 'adverts'],
      ['pubmed', 'pubmed', 'topics', 'see-also'],
      ['pubmed'],
      'pubmed',
    ]) {
      const res = await putLayout({ order });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: string }).error).toMatch(/Unknown box|only once|every box|expected array/);
    }
    expect((await putLayout('not json at all')).status).toBe(422);
    for (const hidden of [['adverts'], ['topics', 'topics'], 'topics']) {
      const res = await putLayout({ order: ['see-also', 'by-topic', 'topics', 'pubmed'], hidden });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: string }).error).toMatch(/Unknown box|only once|Expected a list/);
    }
  });

  it('saves a valid order per reader, and a reset stores nothing', async () => {
    const user = await db.user.create({ data: { email: 'l@example.org', name: 'L', passwordHash: 'x' } });
    await saveSidebarLayout(user.id, { order: ['pubmed', 'topics', 'by-topic', 'see-also'] });
    expect(await getSidebarLayout(user.id)).toEqual({
      order: ['pubmed', 'topics', 'by-topic', 'see-also'],
      hidden: [],
    });
    await expect(saveSidebarLayout(user.id, { order: ['pubmed', 'pubmed', 'by-topic', 'see-also'] })).rejects.toThrow();
    // Hidden boxes are kept with the order, even in the default order.
    await saveSidebarLayout(user.id, { order: ['see-also', 'by-topic', 'topics', 'pubmed'], hidden: ['topics'] });
    expect(await getSidebarLayout(user.id)).toEqual({
      order: ['see-also', 'by-topic', 'topics', 'pubmed'],
      hidden: ['topics'],
    });
    await saveSidebarLayout(user.id, { order: ['see-also', 'by-topic', 'topics', 'pubmed'], hidden: [] });
    expect(await getSidebarLayout(user.id)).toBeNull();
    expect(await db.sidebarLayout.count()).toBe(0);
  });
});

describe('related articles', () => {
  beforeEach(resetDatabase);

  it('ranks by shared topics and shows editor links both ways', async () => {
    const ids = await makeArticles({
      Main: ['dress', 'ivig', 'scar'],
      Two: ['dress', 'ivig'],
      One: ['scar'],
      None: ['acne'],
    });
    expect((await listRelatedByTopic(ids.Main!)).map((a) => [a.title, a.sharedTopics])).toEqual([
      ['Two', 2],
      ['One', 1],
    ]);
    await db.articleLink.create({ data: { fromArticleId: ids.Main!, toArticleId: ids.None! } });
    expect((await listSeeAlso(ids.None!)).map((a) => a.title)).toEqual(['Main']);
    expect((await listSeeAlso(ids.Main!)).map((a) => a.title)).toEqual(['None']);
  });

  it('never repeats a See Also article (linked either way) or the article itself in Related By Topic', async () => {
    const ids = await makeArticles({
      Main: ['dress', 'ivig'],
      Linked: ['dress', 'ivig'],
      LinkedBack: ['dress'],
      Other: ['ivig'],
    });
    await db.articleLink.create({ data: { fromArticleId: ids.Main!, toArticleId: ids.Linked! } });
    await db.articleLink.create({ data: { fromArticleId: ids.LinkedBack!, toArticleId: ids.Main! } });
    const seeAlso = (await listSeeAlso(ids.Main!)).map((a) => a.title);
    expect(seeAlso.sort()).toEqual(['Linked', 'LinkedBack']);
    const byTopic = (await listRelatedByTopic(ids.Main!, 1)).map((a) => a.title);
    // The limit counts only what is shown: the linked articles do not take its places.
    expect(byTopic).toEqual(['Other']);
    // From the linked article's side, Main is in See Also and so not in Related By Topic.
    expect((await listRelatedByTopic(ids.Linked!)).map((a) => a.title)).toEqual(['Other', 'LinkedBack']);
  });
});

describe('PubMed box', () => {
  let standIn: NcbiStandIn | null = null;
  beforeEach(resetDatabase);
  afterEach(async () => {
    await standIn?.close();
    standIn = null;
  });

  const neighbours = [{ pmid: '111', title: 'Fresh neighbour', journal: 'J Fresh', pubdate: '2019 Jan 5' }];
  const cachedItems = [{ pmid: '222', title: 'Cached neighbour', journal: 'J Old', year: 2011 }];

  async function articleWithCache(fetchedAt: Date | null) {
    const ids = await makeArticles({ A: [] });
    const articleId = ids.A!;
    if (fetchedAt) await db.pubmedCache.create({ data: { articleId, pmid: '999', items: cachedItems, fetchedAt } });
    else await db.article.update({ where: { id: articleId }, data: { pmid: '999' } });
    return articleId;
  }

  it('fetches from NCBI with tool and email, without the article itself, and caches the list', async () => {
    standIn = await startNcbiStandIn({ neighbours });
    const articleId = await articleWithCache(null);
    expect(await getPubmedArticles(articleId, { baseUrl: standIn.url })).toEqual({
      status: 'ok',
      items: [{ pmid: '111', title: 'Fresh neighbour', journal: 'J Fresh', year: 2019 }],
    });
    expect(standIn.requests[0]?.searchParams.get('tool')).toBeTruthy();
    expect((await db.pubmedCache.findUniqueOrThrow({ where: { articleId } })).pmid).toBe('999');
    // Fresh now: NCBI is not asked again.
    await getPubmedArticles(articleId, { baseUrl: standIn.url });
    expect(standIn.requests).toHaveLength(2);
  });

  it('answers a stale cached list when NCBI is down, and "unavailable" with no cache', async () => {
    const stale = await articleWithCache(new Date(Date.now() - 40 * 24 * 3600_000));
    expect(await getPubmedArticles(stale, { baseUrl: 'http://127.0.0.1:9/eutils' })).toEqual({
      status: 'ok',
      items: cachedItems,
    });
    await resetDatabase();
    const bare = await articleWithCache(null);
    expect(await getPubmedArticles(bare, { baseUrl: 'http://127.0.0.1:9/eutils' })).toEqual({ status: 'unavailable' });
  });

  it('gives up on a slow NCBI within the budget', async () => {
    // NCBI answers after 30 s; anything well under that means the 300 ms budget cut it short (the
    // bound is loose so a loaded machine's slow database calls never trip it).
    standIn = await startNcbiStandIn({ neighbours, delayMs: 30_000 });
    const articleId = await articleWithCache(new Date(Date.now() - 40 * 24 * 3600_000));
    const started = Date.now();
    expect(await getPubmedArticles(articleId, { baseUrl: standIn.url, budgetMs: 300 })).toEqual({
      status: 'ok',
      items: cachedItems,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('Cited By from Crossref', () => {
  beforeEach(resetDatabase);

  it('replaces the examples with Crossref forward links, at most daily, keeping the list when Crossref fails', async () => {
    const xml = `<crossref_result><query_result><body><forward_link doi="10.1/a0"><journal_cite>
      <journal_title>Br J Dermatol</journal_title><article_title>A citing study</article_title>
      <contributors><contributor contributor_role="author" sequence="first"><given_name>Ana</given_name><surname>Citer</surname></contributor>
      <contributor contributor_role="author" sequence="additional"><given_name>Bo</given_name><surname>Second</surname></contributor></contributors>
      <year>2014</year><doi>10.1111/x</doi>
      </journal_cite></forward_link></body></query_result></crossref_result>`;
    let status = 200;
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(status, { 'content-type': 'text/xml' }).end(xml);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const crossref = {
      user: 'member',
      password: 'secret',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    };
    try {
      const ids = await makeArticles({ A: [] });
      const articleId = ids.A!;
      await db.citation.create({ data: { articleId, source: 'example', title: 'Example', journal: 'J', year: 2013 } });
      expect(await listCitations(articleId)).toMatchObject({ areExamples: true, works: [{ title: 'Example' }] });

      const day1 = new Date('2026-01-01T00:00:00Z');
      await refreshCitedBy(articleId, { now: day1, crossref });
      expect(asked[0]).toContain('doi=10.1%2Fa0');
      expect(await listCitations(articleId)).toMatchObject({
        areExamples: false,
        works: [
          {
            title: 'A citing study',
            authors: ['Ana Citer', 'Bo Second'],
            journal: 'Br J Dermatol',
            year: 2014,
            doi: '10.1111/x',
          },
        ],
      });

      await refreshCitedBy(articleId, { now: new Date(day1.getTime() + 3600_000), crossref });
      expect(asked).toHaveLength(1); // checked within the day: not asked again

      status = 500;
      await refreshCitedBy(articleId, { now: new Date(day1.getTime() + 25 * 3600_000), crossref });
      expect(asked).toHaveLength(2);
      expect((await listCitations(articleId)).works).toHaveLength(1);
      expect((await db.citedBySync.findUniqueOrThrow({ where: { articleId } })).error).toContain('500');

      await refreshCitedBy(articleId, { now: day1, crossref: { ...crossref, user: undefined } });
      expect(asked).toHaveLength(2); // without credentials Crossref is never asked
    } finally {
      server.close();
    }
  });
});
