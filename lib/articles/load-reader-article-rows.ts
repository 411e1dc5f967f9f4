import 'server-only';
import { db } from '@/lib/db';
import type { CommentView } from '@/lib/comments/comments-reply';
import { sidebarLayoutSchema, type SidebarLayout } from '@/lib/related/box-order';
import type { ReaderTools } from '@/lib/related/reader-tools-reply';

export type ReaderArticleRows = {
  tools: ReaderTools;
  /** The reader's saved sidebar layout, or null (none saved, or no longer valid). */
  layout: SidebarLayout | null;
  /** The reader's own comments on the article that wait for moderation, oldest first. */
  pendingComments: CommentView[];
};

type Row = {
  isSaved: boolean;
  commentAlert: boolean;
  issueAlert: boolean;
  layout: { order: unknown; hidden: unknown } | null;
  pending: { id: string; body: string; disclosure: string; createdAt: string }[];
};

/**
 * A signed-in reader's own rows for the article page, in one statement: their Save and alert
 * switches (as getReaderTools answers them), their saved sidebar layout (as getSidebarLayout) and
 * their comments awaiting moderation (the part of listComments that is theirs alone).
 */
export async function loadReaderArticleRows(
  user: { id: string; name: string },
  article: { id: string; journalId: string },
): Promise<ReaderArticleRows> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT
      EXISTS (SELECT 1 FROM "SavedArticle" WHERE "userId" = ${user.id} AND "articleId" = ${article.id}) AS "isSaved",
      EXISTS (SELECT 1 FROM "ArticleCommentAlert" WHERE "userId" = ${user.id} AND "articleId" = ${article.id}) AS "commentAlert",
      EXISTS (SELECT 1 FROM "JournalIssueAlert" WHERE "userId" = ${user.id} AND "journalId" = ${article.journalId}) AS "issueAlert",
      (SELECT json_build_object('order', l."boxIds", 'hidden', l."hiddenBoxIds")
         FROM "SidebarLayout" l WHERE l."userId" = ${user.id}) AS "layout",
      (SELECT coalesce(json_agg(json_build_object('id', c."id", 'body', c."body", 'disclosure', c."disclosure",
                'createdAt', to_char(c."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                ORDER BY c."createdAt"), '[]')
         FROM "Comment" c
        WHERE c."articleId" = ${article.id} AND c."userId" = ${user.id} AND c."status" = 'pending') AS "pending"`;
  const layout = row?.layout ? sidebarLayoutSchema.safeParse(row.layout) : null;
  return {
    tools: {
      isSaved: Boolean(row?.isSaved),
      commentAlert: Boolean(row?.commentAlert),
      issueAlert: Boolean(row?.issueAlert),
    },
    layout: layout?.success ? layout.data : null,
    pendingComments: (row?.pending ?? []).map((c) => ({ ...c, author: user.name, isPending: true })),
  };
}
