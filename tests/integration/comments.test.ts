import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { approveComment } from '@/lib/comments/approve-comment';
import { listComments } from '@/lib/comments/list-comments';
import { submitComment } from '@/lib/comments/submit-comment';
import { withdrawComment } from '@/lib/comments/withdraw-comment';
import { setReaderTool } from '@/lib/related/reader-tools';
import { sendIssueAlerts } from '@/lib/related/send-issue-alerts';
import { resetDatabase } from '../support/reset-db';

const DOI = '10.1/commented';

async function setUp() {
  const journal = await db.journal.create({ data: { slug: 'j', title: 'Archives', abbreviation: 'Arch' } });
  const issue = await db.issue.create({
    data: { journalId: journal.id, volume: '1', number: '2', year: 2012, dateLabel: 'April 2012' },
  });
  const article = await db.article.create({
    data: {
      doi: DOI,
      journalId: journal.id,
      issueId: issue.id,
      articleType: 'letter',
      title: 'On IVIG',
      previewHtml: '',
      fullTextHtml: '',
    },
  });
  const [author, follower, other] = await Promise.all(
    ['author', 'follower', 'other'].map((n) =>
      db.user.create({
        data: { email: `${n}@example.org`, name: n[0]!.toUpperCase() + n.slice(1), passwordHash: 'x' },
      }),
    ),
  );
  return { journal, issue, article, author: author!, follower: follower!, other: other! };
}

describe('comments', () => {
  beforeEach(resetDatabase);

  it('stores a comment pending, shows it only to its author until approved, then to all', async () => {
    const { article, author, other } = await setUp();
    const { id, status } = await submitComment(author, {
      doi: DOI,
      body: 'Interesting <script>x()</script>letter.',
      disclosure: 'None',
    });
    expect(status).toBe('pending');
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).toBe('Interesting letter.');
    expect(await listComments(article.id, null)).toEqual([]);
    expect(await listComments(article.id, other.id)).toEqual([]);
    expect((await listComments(article.id, author.id)).map((c) => c.isPending)).toEqual([true]);
    await approveComment(id);
    expect(await listComments(article.id, null)).toMatchObject([
      { author: 'Author', disclosure: 'None', body: 'Interesting letter.', isPending: false },
    ]);
  });

  it('refuses comments without a disclosure or too short, with messages', async () => {
    const { author } = await setUp();
    await expect(submitComment(author, { doi: DOI, body: 'A long enough comment.', disclosure: '' })).rejects.toThrow(
      /state any conflict of interest/,
    );
    await expect(submitComment(author, { doi: DOI, body: 'short', disclosure: 'None' })).rejects.toThrow(
      /at least 10 characters/,
    );
    await expect(
      submitComment(author, { doi: '10.1/none', body: 'A long enough comment.', disclosure: 'None' }),
    ).rejects.toThrow(/No article/);
    expect(await db.comment.count()).toBe(0);
  });

  it('limits each reader to 5 comments an hour', async () => {
    const { author, other } = await setUp();
    for (let i = 0; i < 5; i++)
      await submitComment(author, { doi: DOI, body: `Comment number ${i}.`, disclosure: 'None' });
    await expect(
      submitComment(author, { doi: DOI, body: 'One too many comments.', disclosure: 'None' }),
    ).rejects.toThrow(/try again in 60 minutes/);
    await expect(
      submitComment(other, { doi: DOI, body: 'Another reader is fine.', disclosure: 'None' }),
    ).resolves.toBeTruthy();
  });

  it('lets only the author withdraw, and only while pending', async () => {
    const { author, other } = await setUp();
    const { id } = await submitComment(author, { doi: DOI, body: 'I take this back later.', disclosure: 'None' });
    await expect(withdrawComment(other.id, id)).rejects.toThrow('No such comment of yours.');
    await withdrawComment(author.id, id);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('withdrawn');
    await expect(withdrawComment(author.id, id)).rejects.toThrow(/still waiting for moderation/);
    await expect(approveComment(id)).rejects.toThrow(/no longer waiting/);
  });

  it('emails comment and new-issue alerts to readers who asked for them', async () => {
    const { article, journal, issue, author, follower } = await setUp();
    const target = { id: article.id, journalId: journal.id, title: article.title, journalTitle: journal.title };
    expect(await setReaderTool(follower, target, 'commentAlert', true)).toMatchObject({ commentAlert: true });
    await setReaderTool(follower, target, 'commentAlert', true); // idempotent: one confirmation
    await setReaderTool(author, target, 'commentAlert', true);
    await setReaderTool(follower, target, 'issueAlert', true);
    expect(await setReaderTool(follower, target, 'isSaved', true)).toEqual({
      isSaved: true,
      commentAlert: true,
      issueAlert: true,
    });
    const { id } = await submitComment(author, { doi: DOI, body: 'Worth a follow-up study.', disclosure: 'None' });
    await approveComment(id);
    const subjects = async (to: string) =>
      (await db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: 'asc' } })).map((m) => m.subject);
    expect(await subjects(follower.email)).toEqual([
      'Comment alerts are on',
      'New-issue alerts for Archives are on',
      'New comment on "On IVIG"',
    ]);
    expect(await subjects(author.email)).toEqual(['Comment alerts are on']); // not told about their own comment
    expect(await sendIssueAlerts(issue.id)).toBe(1);
    expect((await subjects(follower.email)).at(-1)).toBe('Archives: April 2012 issue (vol 1, no 2)');
  });

  it('refuses a comment over 4,000 characters whole, saying by how much, and stores nothing', async () => {
    const { author } = await setUp();
    const pasted = 'A long pasted review. '.repeat(200); // 4,400 characters
    const refusal = await submitComment(author, { doi: DOI, body: pasted, disclosure: 'None' }).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect(JSON.stringify((refusal as { issues?: unknown }).issues)).toContain(
      'Your comment is 4,399 characters; the limit is 4,000. Please shorten it by 399 characters and submit again.',
    );
    expect(await db.comment.count()).toBe(0);
    const { id } = await submitComment(author, { doi: DOI, body: 'x'.repeat(4000), disclosure: 'None' });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).toHaveLength(4000);
  });
});
