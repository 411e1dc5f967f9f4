import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { feedResponse } from '@/lib/feeds/feed-route';
import { resetDatabase } from '../support/reset-db';

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'entry', 'author'].includes(name),
});

type Rss = {
  rss: {
    '@_version': string;
    channel: { title: string; item: { title: string; link: string; description: string }[] };
  };
};
type Atom = { feed: { '@_xmlns': string; link: unknown; entry: { title: unknown; author: { name: string }[] }[] } };

async function read(file: string, scope: 'site' | 'topic' = 'site') {
  const response = await feedResponse(file, scope);
  return { response, text: await response.text() };
}

describe('feeds', () => {
  beforeAll(async () => {
    await resetDatabase();
    const journal = await db.journal.create({ data: { slug: 'j', title: 'Archives of Testing', abbreviation: 'J' } });
    const issue = await db.issue.create({
      data: { journalId: journal.id, volume: '148', number: '4', year: 2012, dateLabel: 'April 2012', isCurrent: true },
    });
    const topic = await db.topic.create({ data: { slug: 'drug-reactions', name: 'Drug reactions' } });
    await db.article.create({
      data: {
        doi: '10.1000/in-issue',
        journalId: journal.id,
        issueId: issue.id,
        articleType: 'research-article',
        title: 'IVIG in DRESS',
        previewHtml: '<p>The public abstract &amp; its findings.</p>',
        fullTextHtml: '<p>Gated zanubrutinib paragraph.</p>',
        publishedOnline: new Date('2011-12-19'),
        authors: { create: [{ position: 0, givenNames: 'Pascal', surname: 'Joly' }] },
        topics: { create: [{ topicId: topic.id }] },
      },
    });
    await db.article.create({
      data: {
        doi: '10.1000/online-first',
        journalId: journal.id,
        articleType: 'case-report',
        title: 'Ahead of print',
        previewHtml: '<p>Preview only.</p>',
        fullTextHtml: '<p>Gated secretword text.</p>',
        publishedOnline: new Date('2012-05-01'),
      },
    });
  });

  it('serves the current issue as RSS 2.0 with public metadata only', async () => {
    const { response, text } = await read('current-issue.rss');
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const { rss } = parser.parse(text) as Rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('Archives of Testing: Current issue: Vol 148, No. 4, April 2012');
    expect(rss.channel.item).toHaveLength(1);
    const item = rss.channel.item[0]!;
    expect(item).toMatchObject({
      title: 'IVIG in DRESS',
      link: new URL('/doi/10.1000/in-issue', env.SITE_URL).toString(),
    });
    expect(item.description).toContain('The public abstract & its findings.');
    expect(text).not.toMatch(/zanubrutinib|secretword/);
  });

  it('serves online first as Atom 1.0 with authors and a self link', async () => {
    const { response, text } = await read('online-first.atom');
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const atom = (parser.parse(text) as Atom).feed;
    expect(atom['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.entry).toHaveLength(1);
    expect(JSON.stringify(atom.entry[0])).toContain('Ahead of print');
    expect(JSON.stringify(atom.link)).toContain('/feeds/online-first.atom');
    expect(text).not.toMatch(/zanubrutinib|secretword/);
  });

  it('serves a topic feed, and 404 for an unknown topic or format', async () => {
    const { text } = await read('drug-reactions.atom', 'topic');
    const atom = (parser.parse(text) as Atom).feed;
    expect(atom.entry).toHaveLength(1);
    expect(atom.entry[0]!.author).toEqual([{ name: 'Pascal Joly' }]);
    expect((await read('nope.rss', 'topic')).response.status).toBe(404);
    expect((await read('current-issue.json')).response.status).toBe(404);
    expect((await read('../etc.rss')).response.status).toBe(404);
  });
});
