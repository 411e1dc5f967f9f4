import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { searchArticles } from '@/lib/articles/search-articles';
import { resetDatabase } from '../support/reset-db';

const now = new Date();

describe('search', () => {
  let subscriberId: string;
  beforeEach(async () => {
    await resetDatabase();
    const journal = await db.journal.create({ data: { slug: 'j', title: 'J', abbreviation: 'J' } });
    await db.article.create({
      data: {
        doi: '10.1000/paid',
        journalId: journal.id,
        articleType: 'research-article',
        title: 'Immunoglobulin in DRESS',
        previewHtml: '<p>An abstract about eosinophilia.</p>',
        fullTextHtml: '<p>The secret finding: zanubrutinib helped.</p>',
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

  it('finds articles by their public text for everyone, with a public snippet', async () => {
    const [hit] = await searchArticles('eosinophilia', { userId: null, ip: null }, now);
    expect(hit).toMatchObject({ doi: '10.1000/paid', access: 'preview only' });
    expect(hit!.snippet).toContain('An abstract about eosinophilia.');
  });

  it('does not reveal what only the paid text says to a reader who may not read it', async () => {
    expect(await searchArticles('zanubrutinib', { userId: null, ip: null }, now)).toEqual([]);
  });

  it('takes % and _ as the characters they are, not as wildcards', async () => {
    const subscriber = { userId: subscriberId, ip: null };
    expect(await searchArticles('%%', subscriber, now)).toEqual([]);
    expect(await searchArticles('in_DRESS', subscriber, now)).toEqual([]);
    expect(await searchArticles('z%b', subscriber, now)).toEqual([]);
    expect(await searchArticles('\\%', subscriber, now)).toEqual([]);
    expect(await searchArticles('in DRESS', subscriber, now)).toHaveLength(1);
  });

  it('finds it in the full text for a subscriber, still with a public snippet', async () => {
    const results = await searchArticles('zanubrutinib', { userId: subscriberId, ip: null }, now);
    expect(results).toMatchObject([{ doi: '10.1000/paid', access: 'full text' }]);
    expect(JSON.stringify(results)).not.toContain('secret finding');
  });
});
