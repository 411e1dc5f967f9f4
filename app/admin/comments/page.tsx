import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { moderateCommentAction } from '@/lib/admin/actions';
import { articlePath } from '@/lib/articles/article-path';
import { listPendingComments, listPublishedComments } from '@/lib/admin/moderate-comments';
import { requireAdmin } from '@/lib/admin/require-admin';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

export const metadata = { title: 'Comment moderation' };

type Listed = Awaited<ReturnType<typeof listPendingComments>>[number];

function CommentCard({ c, timeZone, children }: { c: Listed; timeZone: string; children: React.ReactNode }) {
  return (
    <article className="box" aria-label={`Comment by ${c.user.name}`}>
      <p>
        <strong>{c.user.name}</strong> ({c.user.email}) on{' '}
        <Link href={articlePath(c.article.doi)}>{c.article.title}</Link>, {formatDateTime(c.createdAt, timeZone)}
      </p>
      <blockquote className="comment-body">{c.body}</blockquote>
      <p>Conflict of interest: {c.disclosure}</p>
      {children}
    </article>
  );
}

export default async function AdminComments() {
  await requireAdmin('/admin/comments');
  const timeZone = await getReaderTimeZone();
  const [pending, published] = await Promise.all([listPendingComments(), listPublishedComments()]);
  return (
    <>
      <section aria-labelledby="pending-heading">
        <h1 id="pending-heading">Comments waiting for moderation</h1>
        {pending.length === 0 && <p>No comments are waiting.</p>}
        {pending.map((c) => (
          <CommentCard key={c.id} c={c} timeZone={timeZone}>
            <ActionForm
              action={moderateCommentAction}
              hidden={{ commentId: c.id, decision: 'approve' }}
              fields={[]}
              submitLabel="Approve"
              className="admin-form admin-form--compact"
            />
            <ActionForm
              action={moderateCommentAction}
              hidden={{ commentId: c.id, decision: 'reject' }}
              fields={[{ name: 'reason', label: 'Reason for rejection' }]}
              submitLabel="Reject"
              className="admin-form admin-form--compact"
            />
          </CommentCard>
        ))}
      </section>
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">Published comments</h2>
        <p>The 50 most recently published. Removing one takes it off the article at once; the author is told why.</p>
        {published.length === 0 && <p>No comments are published.</p>}
        {published.map((c) => (
          <CommentCard key={c.id} c={c} timeZone={timeZone}>
            <ActionForm
              action={moderateCommentAction}
              hidden={{ commentId: c.id, decision: 'remove' }}
              fields={[{ name: 'reason', label: 'Reason for removal' }]}
              submitLabel="Remove"
              confirm="Remove this published comment? The author will be emailed the reason."
              className="admin-form admin-form--compact"
            />
          </CommentCard>
        ))}
      </section>
    </>
  );
}
