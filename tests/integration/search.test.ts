import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { searchArticles } from '@/lib/articles/search/search-articles';
import { parseSearchParams, type SearchParams } from '@/lib/articles/search/search-params';
import { snippetText } from '@/lib/articles/search/parse-snippet';
import { resetDatabase } from '../support/reset-db';

const now = new Date();
const anonymous = { userId: null, ip: null };
const search = (q: string, extra: Record<string, string> = {}): SearchParams => parseSearchParams({ q, ...extra });
const dois = async (params: SearchParams, reader: { userId: string | null; ip: string | null } = anonymous) =>
  (await searchArticles(params, reader, now)).results.map((r) => r.doi);

describe('search', () => {
  let subscriberId: string;
  let journalId: string;
  beforeEach(async () => {
    await resetDatabase();
    const journal = await db.journal.create({ data: { slug: 'j', title: 'J', abbreviation: 'J' } });
    journalId = journal.id;
    await db.article.create({
      data: {
        doi: '10.1000/paid',
        journalId: journal.id,
        articleType: 'research-article',
        title: 'Immunoglobulin in DRESS',
        previewHtml: '<p>An abstract about eosinophilia.</p>',
        fullTextHtml: '<p>The secret finding: zanubrutinib helped.</p>',
        publishedOnline: new Date('2012-04-16'),
      },
    });
    const subscriber = await db.user.create({
      data: {
        email: 's@example.org',
        name: 'S',
        passwordHash: 'x',
        subscriptions: {
          create: {
            plan: 'annual',
            status: 'active',
            source: 'complimentary',
            startsAt: new Date(now.getTime() - 1000),
            currentPeriodEnd: new Date(now.getTime() + 86_400_000),
          },
        },
      },
    });
    subscriberId = subscriber.id;
  });

  async function addArticle(doi: string, data: Partial<Parameters<typeof db.article.create>[0]['data']> = {}) {
    return db.article.create({
      data: {
        doi,
        journalId,
        articleType: 'research-article',
        title: doi,
        previewHtml: '',
        fullTextHtml: '',
        ...data,
      } as Parameters<typeof db.article.create>[0]['data'],
    });
  }

  it('finds articles by their public text for everyone, with a public snippet', async () => {
    const { results } = await searchArticles(search('eosinophilia'), anonymous, now);
    expect(results).toMatchObject([{ doi: '10.1000/paid', access: 'preview only' }]);
    expect(snippetText(results[0]!.snippet)).toContain('An abstract about eosinophilia');
    expect(results[0]!.snippet).toContainEqual({ text: 'eosinophilia', isMatch: true });
  });

  it('lets a word only in the gated text match, but never shows its words to a reader who may not read it', async () => {
    const outcome = await searchArticles(search('"secret finding" zanubrutinib'), anonymous, now);
    expect(outcome.results).toMatchObject([{ doi: '10.1000/paid', access: 'preview only' }]);
    const shown = JSON.stringify(outcome);
    expect(shown).not.toMatch(/zanubrutinib|secret|finding|helped/i);
    expect(snippetText(outcome.results[0]!.snippet)).toBe('An abstract about eosinophilia.');
  });

  it('shows a subscriber the full-text words that matched, highlighted', async () => {
    const { results } = await searchArticles(search('zanubrutinib'), { userId: subscriberId, ip: null }, now);
    expect(results).toMatchObject([{ doi: '10.1000/paid', access: 'full text' }]);
    expect(results[0]!.snippet).toContainEqual({ text: 'zanubrutinib', isMatch: true });
  });

  it('takes % and _ as word breaks, never as wildcards', async () => {
    const subscriber = { userId: subscriberId, ip: null };
    expect(await dois(search('%%'), subscriber)).toEqual([]);
    expect(await dois(search('Immunoglobul_n'), subscriber)).toEqual([]);
    expect(await dois(search('z%b'), subscriber)).toEqual([]);
    expect(await dois(search('\\%'), subscriber)).toEqual([]);
    expect(await dois(search('in DRESS'), subscriber)).toEqual(['10.1000/paid']);
  });

  it('ranks a title match above an abstract match above a full-text match', async () => {
    await addArticle('10.1000/abstract', { previewHtml: '<p>Pemphigus in adults.</p>' });
    await addArticle('10.1000/title', { title: 'Pemphigus vulgaris' });
    await addArticle('10.1000/body', { fullTextHtml: '<p>Pemphigus was ruled out.</p>' });
    expect(await dois(search('pemphigus'))).toEqual(['10.1000/title', '10.1000/abstract', '10.1000/body']);
  });

  it('indexes a huge article’s first 1,000,000 characters of full text, and shows its snippet from them', async () => {
    const filler = '<p>Nothing to see in this paragraph of the long review.</p>'.repeat(20_000); // 1.2 MB
    await addArticle('10.1000/huge', {
      isFree: true,
      fullTextHtml: `<p>Early mention of dupilumab.</p>${filler}<p>Late mention of omalizumab.</p>`,
    });
    const { results } = await searchArticles(search('dupilumab'), anonymous, now);
    expect(results.map((r) => r.doi)).toEqual(['10.1000/huge']);
    expect(snippetText(results[0]!.snippet)).toContain('Early mention of dupilumab');
    expect(await dois(search('omalizumab'))).toEqual([]);
  });

  it('finds authors by name, and lists an author’s articles with ?author=', async () => {
    await addArticle('10.1000/joly', {
      title: 'Bullous pemphigoid',
      authors: { create: [{ position: 0, givenNames: 'Pascal', surname: 'Joly' }] },
    });
    await addArticle('10.1000/other-joly', {
      title: 'Another one',
      authors: { create: [{ position: 0, givenNames: 'Marie', surname: 'Joly' }] },
    });
    expect(await dois(search('Pascal Joly'))).toEqual(['10.1000/joly']);
    expect(await dois(parseSearchParams({ author: 'pascal joly' }))).toEqual(['10.1000/joly']);
    const [hit] = (await searchArticles(search('bullous'), anonymous, now)).results;
    expect(hit!.authors).toEqual(['Pascal Joly']);
  });

  it('keeps the search document current when authors and topics change after the article', async () => {
    const article = await addArticle('10.1000/later', { title: 'Acne' });
    expect(await dois(search('Okonkwo'))).toEqual([]);
    await db.articleAuthor.create({ data: { articleId: article.id, position: 0, surname: 'Okonkwo' } });
    expect(await dois(search('Okonkwo'))).toEqual(['10.1000/later']);
    const topic = await db.topic.create({ data: { slug: 'rosacea', name: 'Rosacea' } });
    await db.articleTopic.create({ data: { articleId: article.id, topicId: topic.id } });
    expect(await dois(search('rosacea'))).toEqual(['10.1000/later']);
    await db.topic.update({ where: { id: topic.id }, data: { name: 'Hidradenitis' } });
    expect(await dois(search('rosacea'))).toEqual([]);
    expect(await dois(search('hidradenitis'))).toEqual(['10.1000/later']);
    await db.articleAuthor.deleteMany({ where: { articleId: article.id } });
    expect(await dois(search('Okonkwo'))).toEqual([]);
    await db.article.update({ where: { id: article.id }, data: { title: 'Vitiligo' } });
    expect(await dois(search('vitiligo'))).toEqual(['10.1000/later']);
  });

  it('reads quoted phrases, OR and -exclusions', async () => {
    await addArticle('10.1000/sjs', { title: 'Stevens-Johnson syndrome after allopurinol' });
    await addArticle('10.1000/johnson', { title: 'Johnson and Stevens on psoriasis' });
    await addArticle('10.1000/ten', { title: 'Toxic epidermal necrolysis' });
    expect(await dois(search('"stevens johnson"'))).toEqual(['10.1000/sjs']);
    expect((await dois(search('stevens johnson'))).sort()).toEqual(['10.1000/johnson', '10.1000/sjs']);
    expect(await dois(search('stevens johnson -psoriasis'))).toEqual(['10.1000/sjs']);
    expect((await dois(search('necrolysis or psoriasis'))).sort()).toEqual(['10.1000/johnson', '10.1000/ten']);
  });

  it('matches the last word as a prefix while typing, but not words inside a phrase', async () => {
    await addArticle('10.1000/allo', { title: 'Allopurinol hypersensitivity' });
    expect(await dois(search('allopur'))).toEqual(['10.1000/allo']);
    expect(await dois(search('hypersensitivity allo'))).toEqual(['10.1000/allo']);
    expect(await dois(search('"allopur"'))).toEqual([]);
    expect(await dois(search('allopur hyper -allo'))).toEqual([]);
  });

  it('counts facets and filters by type, year, topic, free/paid and what the reader can read', async () => {
    const topic = await db.topic.create({ data: { slug: 'drug-reactions', name: 'Drug reactions' } });
    await addArticle('10.1000/free-case', {
      articleType: 'case-report',
      title: 'DRESS after vancomycin',
      isFree: true,
      publishedOnline: new Date('2020-01-01'),
      topics: { create: [{ topicId: topic.id }] },
    });
    await addArticle('10.1000/paid-case', {
      articleType: 'case-report',
      title: 'DRESS after lamotrigine',
      publishedOnline: new Date('2021-01-01'),
    });
    const all = await searchArticles(search('dress'), anonymous, now);
    expect(all.total).toBe(3);
    expect(all.facets.types).toEqual([
      { value: 'case-report', label: 'Case report', count: 2 },
      { value: 'research-article', label: 'Research article', count: 1 },
    ]);
    expect(all.facets.years.map((y) => [y.value, y.count])).toEqual([
      ['2021', 1],
      ['2020', 1],
      ['2012', 1],
    ]);
    expect(all.facets.topics).toEqual([{ value: 'drug-reactions', label: 'Drug reactions', count: 1 }]);
    expect(all.facets.access).toEqual([
      { value: 'free', label: 'free', count: 1 },
      { value: 'paid', label: 'paid', count: 2 },
    ]);
    expect(all.facets.readable).toBe(1);

    const cases = await searchArticles(search('dress', { type: 'case-report' }), anonymous, now);
    expect(cases.results.map((r) => r.doi).sort()).toEqual(['10.1000/free-case', '10.1000/paid-case']);
    // A facet's own counts ignore its own choice, so the other types stay visible.
    expect(cases.facets.types.map((t) => t.count)).toEqual([2, 1]);
    expect(cases.facets.years.map((y) => y.value)).toEqual(['2021', '2020']);

    expect(await dois(search('dress', { year: '2021' }))).toEqual(['10.1000/paid-case']);
    expect(await dois(search('dress', { topic: 'drug-reactions' }))).toEqual(['10.1000/free-case']);
    expect((await dois(search('dress', { access: 'paid' }))).sort()).toEqual(['10.1000/paid', '10.1000/paid-case']);
    expect(await dois(search('dress', { readable: '1' }))).toEqual(['10.1000/free-case']);
    const subscriber = { userId: subscriberId, ip: null };
    expect(await dois(search('dress', { readable: '1' }), subscriber)).toHaveLength(3);
    expect(await dois(search('dress', { sort: 'date' }))).toEqual([
      '10.1000/paid-case',
      '10.1000/free-case',
      '10.1000/paid',
    ]);
  });

  it('opens a purchased article, and only that one, to its buyer', async () => {
    const other = await addArticle('10.1000/bought', { title: 'DRESS bought', fullTextHtml: '<p>Bought words.</p>' });
    const buyer = await db.user.create({ data: { email: 'b@example.org', name: 'B', passwordHash: 'x' } });
    await db.articlePurchase.create({
      data: {
        userId: buyer.id,
        articleId: other.id,
        amountCents: 3000,
        currency: 'usd',
        confirmedAt: new Date(now.getTime() - 1000),
        expiresAt: new Date(now.getTime() + 3_600_000),
      },
    });
    const { results } = await searchArticles(search('dress'), { userId: buyer.id, ip: null }, now);
    expect(Object.fromEntries(results.map((r) => [r.doi, r.access]))).toEqual({
      '10.1000/bought': 'full text',
      '10.1000/paid': 'preview only',
    });
    expect(await dois(search('dress', { readable: '1' }), { userId: buyer.id, ip: null })).toEqual(['10.1000/bought']);
  });

  it('pages through results twenty at a time', async () => {
    for (let i = 0; i < 45; i++) await addArticle(`10.1000/many-${i}`, { title: `Urticaria ${i}` });
    const first = await searchArticles(search('urticaria'), anonymous, now);
    const third = await searchArticles(search('urticaria', { page: '3' }), anonymous, now);
    expect([first.total, first.pageCount, first.results.length, third.results.length]).toEqual([45, 3, 20, 5]);
    expect(new Set([...first.results, ...third.results].map((r) => r.doi)).size).toBe(25);
  });
});
