// Saved searches and alerts as background jobs on the real database, sent through the SMTP
// stand-in: once per article per search across re-runs, the weekly digest on a moved clock, and
// one-click unsubscribe (RFC 8058) without a session, scoped to one subscription.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const smtpPort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  // Read by lib/env when it is first imported.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.TEST_CLOCK_ENABLED = 'true';
  return port;
});

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { publishIssue } from '@/lib/admin/publish-issue';
import { saveSearch, setSavedSearchFrequency } from '@/lib/alerts/saved-searches';
import { createUnsubscribeToken, readUnsubscribeToken } from '@/lib/alerts/unsubscribe-token';
import { approveComment } from '@/lib/comments/approve-comment';
import { setTestClockOffset } from '@/lib/clock';
import { enqueueJobs, type JobSpec } from '@/lib/jobs/enqueue-jobs';
import { GET as getUnsubscribe, POST as postUnsubscribe } from '@/app/unsubscribe/[token]/route';
import { resetDatabase } from '../support/reset-db';
import { runQueuedJobs } from '../support/run-queued-jobs';
import { startSmtpStandIn, type ReceivedMail, type SmtpStandIn } from '../support/smtp-stand-in';

const DAY_MS = 24 * 60 * 60 * 1000;
let smtp: SmtpStandIn;
let admin: CurrentUser;
let reader: { id: string; email: string };
let journalId: string;

/** A message's headers, unfolded (RFC 5322 lets a long header continue on indented lines). */
function headersOf(mail: ReceivedMail): Record<string, string> {
  const head = mail.data.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return Object.fromEntries(
    head
      .split(/\r?\n/)
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}
const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
/** What went out to a reader, as the outbox keeps it (subjects and text undecoded by MIME). */
const sentTo = (email: string) =>
  db.outboxEmail.findMany({ where: { to: email, status: 'sent' }, orderBy: { createdAt: 'asc' } });
const subjectsTo = async (email: string) => (await sentTo(email)).map((m) => m.subject);
const unsubscribeLinkOf = (mail: ReceivedMail) => /^<(.+)>$/.exec(headersOf(mail)['list-unsubscribe'] ?? '')?.[1];
/** The SMTP message that carried this outbox email, found by its own List-Unsubscribe address. */
const smtpMessageOf = (row: { unsubscribeUrl: string | null }) => {
  const found = smtp.received.filter((m) => unsubscribeLinkOf(m) === row.unsubscribeUrl);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
const context = (token: string) => ({ params: Promise.resolve({ token }) });
const oneClick = (token: string) =>
  postUnsubscribe(
    new Request(`http://localhost/unsubscribe/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    }),
    context(token),
  );

async function runJobs(...jobs: JobSpec[]) {
  if (jobs.length) await db.$transaction((tx) => enqueueJobs(tx, jobs));
  await runQueuedJobs();
}

async function addArticle(doi: string, title: string, data: { issueId?: string; fullTextHtml?: string } = {}) {
  return db.article.create({
    data: {
      doi,
      journalId,
      articleType: 'case-report',
      title,
      previewHtml: '<p>Abstract.</p>',
      fullTextHtml: '',
      ...data,
    },
  });
}

beforeEach(async () => {
  await resetDatabase();
  setTestClockOffset(0);
  smtp = await startSmtpStandIn(smtpPort);
  const a = await db.user.create({
    data: { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', role: 'admin' },
  });
  admin = { id: a.id, name: a.name, email: a.email, role: 'admin', emailVerified: true, sessionId: 'test-session' };
  reader = await db.user.create({
    data: { email: 'reader@example.org', name: 'Reader', passwordHash: 'x' },
    select: { id: true, email: true },
  });
  journalId = (await db.journal.create({ data: { slug: 'j', title: 'Archives', abbreviation: 'A' } })).id;
});
afterEach(async () => {
  setTestClockOffset(0);
  await smtp.close();
});
afterAll(() => setTestClockOffset(0));

describe('saved-search alerts', () => {
  it('emails a search "as published" once per article, however often the matching job runs, with RFC 8058 headers', async () => {
    const dress = await saveSearch(reader.id, {
      name: 'DRESS',
      frequency: 'immediate',
      search: 'q=dress&type=case-report',
    });
    await saveSearch(reader.id, { name: 'Nothing new', frequency: 'immediate', search: 'q=psoriasis' });
    const issue = await db.issue.create({
      data: { journalId, volume: '1', number: '2', year: 2026, dateLabel: 'Feb 2026' },
    });
    // One matches by its gated full text only; the email names it but never quotes that text.
    const hit = await addArticle('10.1/a', 'Immunoglobulin for a rash', {
      issueId: issue.id,
      fullTextHtml: '<p>Secret finding: DRESS responded.</p>',
    });
    await addArticle('10.1/b', 'Something else', { issueId: issue.id });

    await publishIssue(admin, { issueId: issue.id });
    await runQueuedJobs();
    expect(await subjectsTo(reader.email)).toEqual(['1 new article for your saved search “DRESS”']);
    const [row] = await sentTo(reader.email);
    expect(row!.text).toContain('Immunoglobulin for a rash');
    expect(row!.text).not.toMatch(/Secret finding/);
    const mail = smtpMessageOf(row!);
    const headers = headersOf(mail);
    expect(headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = unsubscribeLinkOf(mail);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(row!.text).toContain(`Unsubscribe from these emails: ${link}`);
    expect(readUnsubscribeToken(tokenOf(link!))).toEqual({ kind: 'search', savedSearchId: dress.id });

    // The same articles again (a retried job, a re-import): nothing new to send.
    const again: JobSpec = { task: 'match-saved-searches', payload: { articleIds: [hit.id] }, key: 'again' };
    await runJobs(again);
    await runJobs({ ...again, key: 'and-again' });
    expect(await subjectsTo(reader.email)).toHaveLength(1);
    expect(await db.savedSearchMatch.count()).toBe(1);

    // A new article online first that matches goes out on its own.
    const online = await addArticle('10.1/c', 'DRESS after allopurinol');
    await runJobs({ task: 'match-saved-searches', payload: { articleIds: [online.id, hit.id] }, key: 'online' });
    expect(await subjectsTo(reader.email)).toEqual([
      '1 new article for your saved search “DRESS”',
      '1 new article for your saved search “DRESS”',
    ]);
    expect((await sentTo(reader.email))[1]!.text).toContain('DRESS after allopurinol');
  });

  it('sends the weekly digest once its week is up (clock moved), with what matched, then nothing until the next', async () => {
    await saveSearch(reader.id, { name: 'Rashes', frequency: 'weekly', search: 'q=rash' });
    const first = await addArticle('10.1/a', 'A rash in spring');
    const second = await addArticle('10.1/b', 'Another rash');
    await runJobs({ task: 'match-saved-searches', payload: { articleIds: [first.id, second.id] }, key: 'm1' });
    const digest = { task: 'send-search-digests', payload: {}, key: 'digest' } as const;
    await runJobs(digest);
    expect(mailTo(reader.email)).toEqual([]); // matched, waiting for the digest
    expect(await db.savedSearchMatch.count({ where: { emailedAt: null } })).toBe(2);

    setTestClockOffset(6 * DAY_MS);
    await runJobs(digest);
    expect(mailTo(reader.email)).toEqual([]); // six days: not yet

    setTestClockOffset(7 * DAY_MS + 60_000);
    await runJobs(digest);
    expect(await subjectsTo(reader.email)).toEqual(['This week: 2 new articles for “Rashes”']);
    expect((await sentTo(reader.email))[0]!.text).toMatch(
      /A rash in spring[\s\S]*Another rash|Another rash[\s\S]*A rash in spring/,
    );
    expect(headersOf(smtpMessageOf((await sentTo(reader.email))[0]!))['list-unsubscribe-post']).toBe(
      'List-Unsubscribe=One-Click',
    );
    await runJobs(digest);
    expect(mailTo(reader.email)).toHaveLength(1); // claimed: a second run in the same week sends nothing

    // Next week, a new match goes in the next digest, and the old ones are not repeated.
    const third = await addArticle('10.1/c', 'Rash three');
    await runJobs({ task: 'match-saved-searches', payload: { articleIds: [third.id, first.id] }, key: 'm2' });
    setTestClockOffset(14 * DAY_MS + 120_000);
    await runJobs(digest);
    expect((await subjectsTo(reader.email))[1]).toBe('This week: 1 new article for “Rashes”');
    expect((await sentTo(reader.email))[1]!.text).toContain('Rash three');
    expect((await sentTo(reader.email))[1]!.text).not.toContain('A rash in spring');
  });

  it('records no matches for a search with email off, and a search moved to weekly waits a week from then', async () => {
    const saved = await saveSearch(reader.id, { name: 'Off', frequency: 'none', search: 'q=rash' });
    const a = await addArticle('10.1/a', 'A rash');
    await runJobs({ task: 'match-saved-searches', payload: { articleIds: [a.id] }, key: 'm' });
    expect(await db.savedSearchMatch.count()).toBe(0);
    setTestClockOffset(10 * DAY_MS);
    await setSavedSearchFrequency(reader.id, { id: saved.id, frequency: 'weekly' });
    const b = await addArticle('10.1/b', 'Rash two');
    await runJobs({ task: 'match-saved-searches', payload: { articleIds: [b.id] }, key: 'm2' });
    await runJobs({ task: 'send-search-digests', payload: {}, key: 'd' });
    expect(mailTo(reader.email)).toEqual([]);
    setTestClockOffset(17 * DAY_MS + 1000);
    await runJobs({ task: 'send-search-digests', payload: {}, key: 'd' });
    expect(await subjectsTo(reader.email)).toEqual(['This week: 1 new article for “Off”']);
  });

  it('refuses to save an empty search or another reader’s changes', async () => {
    await expect(saveSearch(reader.id, { name: 'x', frequency: 'weekly', search: 'q=' })).rejects.toThrow(
      /Search for something first/,
    );
    const other = await db.user.create({ data: { email: 'o@example.org', name: 'O', passwordHash: 'x' } });
    const saved = await saveSearch(reader.id, { name: 'Mine', frequency: 'weekly', search: 'q=rash' });
    await expect(setSavedSearchFrequency(other.id, { id: saved.id, frequency: 'none' })).rejects.toThrow(
      /no longer exists/,
    );
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: saved.id } })).frequency).toBe('weekly');
  });
});

describe('one-click unsubscribe', () => {
  it('unsubscribes on POST without a session, while a GET only asks to confirm', async () => {
    const saved = await saveSearch(reader.id, { name: 'Rashes', frequency: 'immediate', search: 'q=rash' });
    const a = await addArticle('10.1/a', 'A rash');
    await runJobs({ task: 'match-saved-searches', payload: { articleIds: [a.id] }, key: 'm' });
    const token = tokenOf(unsubscribeLinkOf(mailTo(reader.email)[0]!)!);

    const page = await getUnsubscribe(new Request(`http://localhost/unsubscribe/${token}`), context(token));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop email alerts for your saved search “Rashes”?');
    expect(html).toContain(`<form method="post" action="/unsubscribe/${token}">`);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: saved.id } })).frequency).toBe('immediate');

    const done = await oneClick(token);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You will no longer get email alerts for your saved search “Rashes”.');
    // The search itself is kept (a click in an email never loses what the reader saved), with email off.
    expect(await db.savedSearch.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ frequency: 'none' });
    expect((await oneClick(token)).status).toBe(200); // a mail provider's retry is harmless
    const again = await getUnsubscribe(new Request(`http://localhost/unsubscribe/${token}`), context(token));
    expect(await again.text()).toContain('Already unsubscribed');
  });

  it('refuses a token altered to name another subscription, and a token only stops its own', async () => {
    const mine = await saveSearch(reader.id, { name: 'Mine', frequency: 'weekly', search: 'q=rash' });
    const other = await db.user.create({ data: { email: 'o@example.org', name: 'O', passwordHash: 'x' } });
    const theirs = await saveSearch(other.id, { name: 'Theirs', frequency: 'weekly', search: 'q=rash' });
    const token = createUnsubscribeToken({ kind: 'search', savedSearchId: mine.id });
    const [, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ kind: 'search', savedSearchId: theirs.id })).toString('base64url')}.${mac}`;
    for (const bad of [forged, `${token}x`, 'not-a-token', token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))]) {
      const answer = await oneClick(bad);
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain('This unsubscribe link is not valid');
    }
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: theirs.id } })).frequency).toBe('weekly');
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: mine.id } })).frequency).toBe('weekly');

    expect((await oneClick(token)).status).toBe(200);
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: mine.id } })).frequency).toBe('none');
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: theirs.id } })).frequency).toBe('weekly');
  });

  it('gives Table of Contents and comment alert emails their own one-click links', async () => {
    const article = await addArticle('10.1/a', 'A discussed article');
    const issue = await db.issue.create({
      data: { journalId, volume: '1', number: '3', year: 2026, dateLabel: 'Mar 2026' },
    });
    await db.journalIssueAlert.create({ data: { userId: reader.id, journalId } });
    await db.articleCommentAlert.create({ data: { userId: reader.id, articleId: article.id } });
    const author = await db.user.create({ data: { email: 'c@example.org', name: 'Commenter', passwordHash: 'x' } });
    const comment = await db.comment.create({
      data: { articleId: article.id, userId: author.id, body: 'A thoughtful comment.', disclosure: 'None' },
    });
    await publishIssue(admin, { issueId: issue.id });
    await approveComment(comment.id);
    await runQueuedJobs();
    const rows = await sentTo(reader.email);
    const toc = smtpMessageOf(rows.find((m) => m.subject.startsWith('Archives: Mar 2026 issue'))!);
    const comments = smtpMessageOf(rows.find((m) => m.subject === 'New comment on "A discussed article"')!);
    for (const mail of [toc, comments])
      expect(headersOf(mail)['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(readUnsubscribeToken(tokenOf(unsubscribeLinkOf(toc)!))).toEqual({
      kind: 'issue',
      userId: reader.id,
      journalId,
    });

    expect((await oneClick(tokenOf(unsubscribeLinkOf(comments)!))).status).toBe(200);
    expect(await db.articleCommentAlert.count()).toBe(0);
    expect(await db.journalIssueAlert.count()).toBe(1); // only the subscription the link names
    expect((await oneClick(tokenOf(unsubscribeLinkOf(toc)!))).status).toBe(200);
    expect(await db.journalIssueAlert.count()).toBe(0);
  });
});
