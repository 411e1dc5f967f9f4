// GET /api/comments answers this shape, and the comments section reads it through the same schema:
// one contract for route and component. The article page renders the first one into its HTML.
import { z } from 'zod';
import '@/lib/zod-without-eval';

export const commentViewSchema = z.object({
  id: z.string(),
  author: z.string(),
  createdAt: z.string(),
  disclosure: z.string(),
  body: z.string(),
  isPending: z.boolean(),
});
export type CommentView = z.infer<typeof commentViewSchema>;

export const commentsReplySchema = z.object({ isSignedIn: z.boolean(), comments: z.array(commentViewSchema) });
export type CommentsReply = z.infer<typeof commentsReplySchema>;
