import Link from 'next/link';
import { AdminForm } from '@/components/admin/admin-form';
import { articlePath } from '@/lib/articles/article-path';
import { listPendingComments } from '@/lib/admin/moderate-comments';
import { requireAdmin } from '@/lib/admin/require-admin';

export const metadata = { title: 'Comment moderation' };

export default async function AdminComments() {
  await requireAdmin('/admin/comments');
  const comments = await listPendingComments();
  return (
    <>
      <h1>Comments waiting for moderation</h1>
      {comments.length === 0 && <p>No comments are waiting.</p>}
      {comments.map((c) => (
        <article key={c.id} className="box" aria-label={`Comment by ${c.user.name}`}>
          <p>
            <strong>{c.user.name}</strong> ({c.user.email}) on{' '}
            <Link href={articlePath(c.article.doi)}>{c.article.title}</Link>,{' '}
            {c.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
          </p>
          <blockquote className="comment-body">{c.body}</blockquote>
          <p>Conflict of interest: {c.disclosure}</p>
          <AdminForm
            endpoint="/api/admin/comments/moderate"
            hidden={{ commentId: c.id, decision: 'approve' }}
            fields={[]}
            submitLabel="Approve"
            compact
          />
          <AdminForm
            endpoint="/api/admin/comments/moderate"
            hidden={{ commentId: c.id, decision: 'reject' }}
            fields={[{ kind: 'text', name: 'reason', label: 'Reason for rejection' }]}
            submitLabel="Reject"
            compact
          />
        </article>
      ))}
    </>
  );
}
