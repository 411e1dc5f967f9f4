// The per-reader article page's data (buildReaderView, what app/(reader)/… renders): the parts
// every reader shares are cached in this process, so a reader's page costs only their own
// statements, counted here from Prisma's query events; the full text comes only behind the access
// decision; and an edit, a moderation decision or a published issue shows at once.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Before lib/env and lib/db are imported: the client then emits an event per statement.
  process.env.DATABASE_STATEMENT_EVENTS = 'true';
});

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { editArticle } from '@/lib/admin/articles';
import { moderateComment } from '@/lib/admin/moderate-comments';
import { publishIssue } from '@/lib/admin/publish-issue';
import { forgetArticleParts } from '@/lib/articles/article-page-cache';
import { buildReaderView } from '@/lib/articles/load-article-reader-parts';
import { createPaidArticle, createReader } from '../support/billing-fixtures';
import { resetDatabase } from '../support/reset-db';

const DOI = '10.1001/archdermatol.2099.77';
const SECRET = 'Only entitled readers may read this paragraph.';
const DAY = 24 * 3600_000;
const INSTITUTION_IP = '198.51.100.23';

let statements: string[] = [];
(db as unknown as { $on: (event: 'query', listener: (e: { query: string }) => void) => void }).$on('query', (e) =>
  statements.push(e.query),
);

/** The statements `work` ran, and its result. */
async function counting<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  statements = [];
  const result = await work();
  return { result, statements: [...statements] };
}

let article: { id: string; updatedAt: Date };
let subscriber: CurrentUser;
let reader: CurrentUser;
let admin: CurrentUser;

const asUser = (u: { id: string; name: string; email: string }, role: 'reader' | 'admin' = 'reader'): CurrentUser => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role,
  emailVerified: true,
  sessionId: 'test-session',
});

beforeEach(async () => {
  await resetDatabase();
  forgetArticleParts();
  const paid = await createPaidArticle(DOI);
  article = await db.article.update({
    where: { id: paid.id },
    data: { fullTextHtml: `<p>${SECRET}</p>`, referencesHtml: '<ol><li>A reference</li></ol>' },
  });
  const topic = await db.topic.create({ data: { slug: 'acne', name: 'Acne' } });
  await db.articleTopic.create({ data: { articleId: article.id, topicId: topic.id } });
  subscriber = asUser(await createReader('subscriber@example.org'));
  await db.subscription.create({
    data: {
      userId: subscriber.id,
      plan: 'annual',
      status: 'active',
      source: 'payment',
      startsAt: new Date(Date.now() - DAY),
      currentPeriodEnd: new Date(Date.now() + 300 * DAY),
    },
  });
  reader = asUser(await createReader('reader@example.org'));
  admin = asUser(
    await db.user.create({ data: { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', role: 'admin' } }),
    'admin',
  );
  const institution = await db.institution.create({
    data: { name: 'Test Hospital', activeFrom: new Date(Date.now() - DAY) },
  });
  await db.institutionRange.create({ data: { institutionId: institution.id, cidr: '198.51.100.0/24' } });
});

describe('the per-reader article page', () => {
  it('costs a reader their own statements once the article is cached, and the text only when entitled', async () => {
    const cold = await counting(() => buildReaderView(DOI, { user: subscriber, ip: null }));
    expect(cold.result?.parts.text?.fullTextHtml).toContain(SECRET);
    console.log(`statements, first reader of the article (cache filled): ${cold.statements.length}`);

    // Warm: the access facts (one statement) and the signed-in reader's own rows (one).
    const warmSubscriber = await counting(() => buildReaderView(DOI, { user: subscriber, ip: null }));
    expect(warmSubscriber.result?.parts.text?.fullTextHtml).toContain(SECRET);
    // References are public: on the article, for every reader.
    expect(warmSubscriber.result?.article.referencesHtml).toContain('A reference');
    expect(warmSubscriber.statements).toHaveLength(2);

    const warmReader = await counting(() => buildReaderView(DOI, { user: reader, ip: null }));
    expect(warmReader.result?.parts.text).toBeNull();
    expect(JSON.stringify(warmReader.result)).not.toContain(SECRET);
    expect(warmReader.statements).toHaveLength(2);

    // An institution address without a session: the access facts alone.
    const institution = await counting(() => buildReaderView(DOI, { user: null, ip: INSTITUTION_IP }));
    expect(institution.result?.parts.text?.reason).toBe('Access provided by Test Hospital');
    expect(institution.statements).toHaveLength(1);

    const outsider = await counting(() => buildReaderView(DOI, { user: null, ip: '203.0.113.9' }));
    expect(JSON.stringify(outsider.result)).not.toContain(SECRET);
    console.log(
      `statements per page view, warm: subscriber ${warmSubscriber.statements.length}, signed-in reader ` +
        `${warmReader.statements.length}, institution address ${institution.statements.length}`,
    );
  });

  it('decides on the database’s own facts: a subscription that ends closes the cached text at once', async () => {
    expect((await buildReaderView(DOI, { user: subscriber, ip: null }))?.parts.text).not.toBeNull();
    await db.subscription.updateMany({ where: { userId: subscriber.id }, data: { revokedAt: new Date() } });
    const after = await buildReaderView(DOI, { user: subscriber, ip: null });
    expect(after?.parts.text).toBeNull();
    expect(JSON.stringify(after)).not.toContain(SECRET);
  });

  it('keeps the shared parts until an edit, which forgets them at once', async () => {
    const first = await buildReaderView(DOI, { user: reader, ip: null });
    expect(first?.article.topics.map((t) => t.topic.name)).toEqual(['Acne']);
    // A change that bypasses the admin's edit is not seen: the parts are cached.
    await db.article.update({ where: { id: article.id }, data: { title: 'A retitled article' } });
    expect((await buildReaderView(DOI, { user: reader, ip: null }))?.article.title).toBe(first?.article.title);

    const current = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    await editArticle(admin, {
      articleId: article.id,
      expectedUpdatedAt: current.updatedAt.toISOString(),
      isFree: true,
      topics: ['Psoriasis'],
      seeAlso: [],
    });
    const edited = await buildReaderView(DOI, { user: reader, ip: null });
    expect(edited?.article.title).toBe('A retitled article');
    expect(edited?.article.topics.map((t) => t.topic.name)).toEqual(['Psoriasis']);
    // Now free: this reader reads the text (decided on the fresh isFree, the text from the full variant).
    expect(edited?.parts.text?.fullTextHtml).toContain(SECRET);
  });

  it('shows a comment as soon as a moderator approves it, and the author their own pending one before', async () => {
    const comment = await db.comment.create({
      data: { articleId: article.id, userId: reader.id, body: 'A pending remark', disclosure: 'None' },
    });
    expect((await buildReaderView(DOI, { user: subscriber, ip: null }))?.parts.comments.comments).toEqual([]);
    const own = await buildReaderView(DOI, { user: reader, ip: null });
    expect(own?.parts.comments.comments).toMatchObject([{ id: comment.id, isPending: true, author: reader.name }]);
    expect(own?.parts.comments.comments[0]?.createdAt).toBe(comment.createdAt.toISOString());

    await moderateComment(admin, { commentId: comment.id, decision: 'approve', reason: '' });
    expect((await buildReaderView(DOI, { user: subscriber, ip: null }))?.parts.comments.comments).toMatchObject([
      { id: comment.id, isPending: false, body: 'A pending remark' },
    ]);
  });

  it('forgets every article when an issue is published', async () => {
    const journal = await db.journal.findFirstOrThrow();
    const issue = await db.issue.create({
      data: { journalId: journal.id, volume: '147', number: '9', year: 2011, month: 9, dateLabel: 'September 2011' },
    });
    await buildReaderView(DOI, { user: reader, ip: null });
    await db.article.update({ where: { id: article.id }, data: { title: 'Retitled before the issue' } });
    await publishIssue(admin, { issueId: issue.id });
    expect((await buildReaderView(DOI, { user: reader, ip: null }))?.article.title).toBe('Retitled before the issue');
  });
});
