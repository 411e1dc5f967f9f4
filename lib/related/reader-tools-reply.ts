// PUT /api/reader-tools answers this shape, and the tools read it through the same schema. The
// article page renders the first state into its HTML (no request on load).
import { z } from 'zod';
import '@/lib/zod-without-eval';

export const readerToolsSchema = z.object({ isSaved: z.boolean(), commentAlert: z.boolean(), issueAlert: z.boolean() });
export type ReaderTools = z.infer<typeof readerToolsSchema>;

export const readerToolsReplySchema = z.object({ isSignedIn: z.boolean(), tools: readerToolsSchema.nullable() });
export type ReaderToolsReply = z.infer<typeof readerToolsReplySchema>;
