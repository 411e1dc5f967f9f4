import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { listPublishedComments, moderateComment } from '@/lib/admin/moderate-comments';
import { listComments } from '@/lib/comments/list-comments';
import { completionsToCsv, listCmeCompletions } from '@/lib/admin/cme-report';
import { editArticle } from '@/lib/admin/articles';
import { resetDatabase } from '../support/reset-db';
import { runQueuedJobs } from '../support/run-queued-jobs';

let admin: CurrentUser;
let reader: { id: string; email: string };
let articleId: string;

beforeEach(async () => {
  await resetDatabase();
  const a = await db.user.create({
    data: { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', role: 'admin' },
  });
  admin = { id: a.id, name: a.name, email: a.email, role: 'admin', emailVerified: true, sessionId: 'test-session' };
  reader = await db.user.create({
    data: { email: 'reader@example.org', name: 'Rita Reader', passwordHash: 'x' },
    select: { id: true, email: true },
  });
  const journal = await db.journal.create({ data: { slug: 'j', title: 'J', abbreviation: 'J' } });
  articleId = (
    await db.article.create({
      data: {
        doi: '10.1000/a',
        journalId: journal.id,
        articleType: 'research-article',
        title: 'A',
        previewHtml: '<p>p</p>',
        fullTextHtml: '<p>f</p>',
      },
    })
  ).id;
});

describe('comment moderation', () => {
  it('approves once, tells the author, and logs it', async () => {
    const c = await db.comment.create({ data: { articleId, userId: reader.id, body: 'Useful.', disclosure: 'None' } });
    await moderateComment(admin, { commentId: c.id, decision: 'approve', reason: '' });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('approved');
    expect(
      await db.outboxEmail.findFirst({ where: { to: reader.email, subject: 'Your comment has been published' } }),
    ).not.toBeNull();
    await expect(moderateComment(admin, { commentId: c.id, decision: 'reject', reason: 'late' })).rejects.toThrow(
      /no longer waiting/,
    );
    expect(await db.auditEvent.count({ where: { action: 'comment.approve' } })).toBe(1);
  });

  it('rejects only with a reason, which the author receives', async () => {
    const c = await db.comment.create({
      data: { articleId, userId: reader.id, body: 'Buy pills.', disclosure: 'None' },
    });
    await expect(moderateComment(admin, { commentId: c.id, decision: 'reject', reason: '' })).rejects.toThrow(/reason/);
    await moderateComment(admin, { commentId: c.id, decision: 'reject', reason: 'Advertising is not allowed.' });
    expect(await db.comment.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: 'rejected',
      moderationNote: 'Advertising is not allowed.',
    });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: reader.email } });
    expect(mail.text).toContain('Reason: Advertising is not allowed.');
  });
});

describe('removing a published comment', () => {
  it('takes it off the article, with a reason the author receives and the audit log keeps', async () => {
    const c = await db.comment.create({
      data: { articleId, userId: reader.id, body: 'Later found to be defamatory.', disclosure: 'None' },
    });
    await moderateComment(admin, { commentId: c.id, decision: 'approve', reason: '' });
    expect(await listComments(articleId, null)).toHaveLength(1);
    expect((await listPublishedComments()).map((p) => p.id)).toEqual([c.id]);

    await expect(moderateComment(admin, { commentId: c.id, decision: 'remove', reason: '' })).rejects.toThrow(
      /reason for removing/,
    );
    await moderateComment(admin, { commentId: c.id, decision: 'remove', reason: 'Defamatory about a colleague.' });

    expect(await listComments(articleId, null)).toEqual([]);
    expect(await listComments(articleId, reader.id)).toEqual([]);
    expect(await listPublishedComments()).toEqual([]);
    expect(await db.comment.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: 'removed',
      moderationNote: 'Defamatory about a colleague.',
      body: 'Later found to be defamatory.',
    });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { to: reader.email, subject: 'Your comment has been removed' },
    });
    expect(mail.text).toContain('Reason: Defamatory about a colleague.');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'comment.remove' } });
    expect(audit).toMatchObject({ actorId: admin.id, targetId: c.id });
    expect(audit.after).toMatchObject({ status: 'removed', reason: 'Defamatory about a colleague.' });

    await expect(moderateComment(admin, { commentId: c.id, decision: 'remove', reason: 'again' })).rejects.toThrow(
      /not published/,
    );
  });

  it('removes only published comments: a pending one is approved or rejected instead', async () => {
    const c = await db.comment.create({ data: { articleId, userId: reader.id, body: 'Pending.', disclosure: 'None' } });
    await expect(moderateComment(admin, { commentId: c.id, decision: 'remove', reason: 'x' })).rejects.toThrow(
      /not published/,
    );
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('pending');
  });
});

describe('See Also links', () => {
  it('links articles both ways and refuses unknown DOIs', async () => {
    const other = await db.article.create({
      data: {
        doi: '10.1000/b',
        journalId: (await db.journal.findFirstOrThrow()).id,
        articleType: 'letter',
        title: 'B',
        previewHtml: '',
        fullTextHtml: '',
      },
    });
    const a = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    await expect(
      editArticle(admin, {
        articleId,
        expectedUpdatedAt: a.updatedAt.toISOString(),
        isFree: false,
        topics: [],
        seeAlso: ['10.1000/missing'],
      }),
    ).rejects.toThrow(/No article has the DOI 10.1000\/missing/);
    await editArticle(admin, {
      articleId,
      expectedUpdatedAt: a.updatedAt.toISOString(),
      isFree: false,
      topics: ['DRESS'],
      seeAlso: ['10.1000/b'],
    });
    expect(await db.articleLink.findMany({ select: { fromArticleId: true, toArticleId: true } })).toEqual([
      { fromArticleId: articleId, toArticleId: other.id },
    ]);
  });
});

describe('CME completions report', () => {
  async function completion(userId: string, consent: boolean) {
    const activity =
      (await db.cmeActivity.findFirst()) ??
      (await db.cmeActivity.create({
        data: { title: 'Acute heart failure', releaseAt: new Date('2026-01-01Z'), expiresAt: new Date('2028-01-01Z') },
      }));
    const attempt = await db.cmeAttempt.create({
      data: { activityId: activity.id, userId, number: 1, result: 'passed', correctCount: 5, questionCount: 5 },
    });
    await db.cmeCreditClaim.create({
      data: {
        userId,
        activityId: activity.id,
        attemptId: attempt.id,
        creditQuarters: 3,
        attestedAt: new Date('2026-11-20T10:00:00Z'),
      },
    });
    await db.cmeLearnerProfile.create({
      data: {
        userId,
        npi: '1234567893',
        npiConsent: consent,
        boardName: 'ABIM',
        boardId: 'B-77',
        boardConsent: consent,
        birthMonth: 3,
        birthDay: 9,
        birthConsent: consent,
      },
    });
  }

  it('lists completions with board fields only for learners who consented, as CSV', async () => {
    const other = await db.user.create({
      data: { email: '=cmd@example.org', name: 'Private, Pat', passwordHash: 'x' },
    });
    await completion(reader.id, true);
    await completion(other.id, false);
    const rows = await listCmeCompletions({ activityId: '', from: '2026-11-01', to: '2026-11-30' });
    expect(rows.find((r) => r.email === reader.email)).toMatchObject({
      credits: '0.75',
      npi: '1234567893',
      boardId: 'ABIM B-77',
      birthMonthDay: '03-09',
      completedOn: '2026-11-20',
    });
    expect(rows.find((r) => r.email === other.email)).toMatchObject({ npi: '', boardId: '', birthMonthDay: '' });
    const csv = completionsToCsv(rows);
    expect(csv).toContain('"Private, Pat",\'=cmd@example.org,');
    expect(await listCmeCompletions({ activityId: '', from: '2026-12-01', to: '' })).toEqual([]);
  });
});

describe('publishing an issue', () => {
  it('makes it current and emails alerts once', async () => {
    const journal = await db.journal.findFirstOrThrow();
    const old = await db.issue.create({
      data: {
        journalId: journal.id,
        volume: '1',
        number: '1',
        year: 2026,
        dateLabel: 'Jan 2026',
        isCurrent: true,
        publishedAt: new Date(),
      },
    });
    const next = await db.issue.create({
      data: { journalId: journal.id, volume: '1', number: '2', year: 2026, dateLabel: 'Feb 2026' },
    });
    await db.journalIssueAlert.create({ data: { userId: reader.id, journalId: journal.id } });
    const { publishIssue } = await import('@/lib/admin/publish-issue');
    expect(await publishIssue(admin, { issueId: next.id })).toEqual({ alertsQueued: true });
    // The admin's request only queues the alert job; a worker fans it out into the emails.
    expect(await db.outboxEmail.count({ where: { to: reader.email } })).toBe(0);
    await runQueuedJobs();
    expect(await db.outboxEmail.count({ where: { to: reader.email } })).toBe(1);
    expect((await db.issue.findUniqueOrThrow({ where: { id: old.id } })).isCurrent).toBe(false);
    expect((await db.issue.findUniqueOrThrow({ where: { id: next.id } })).isCurrent).toBe(true);
    await expect(publishIssue(admin, { issueId: next.id })).rejects.toThrow(/already been published/);
    await runQueuedJobs();
    expect(await db.outboxEmail.count({ where: { to: reader.email } })).toBe(1);
  });
});
