import 'server-only';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { decideAccess, type AccessDecision } from '@/lib/access/decide-access';
import { loadAccessFactsForDoi, type Reader } from '@/lib/access/load-access-facts';

export type FullTextResult =
  | { canRead: true; decision: AccessDecision; fullTextHtml: string; referencesHtml: string }
  | { canRead: false; decision: AccessDecision };

/** The gated text of an article, only when the access decision allows this reader to read it. */
export async function readFullText(doi: string, reader: Reader, now = clockNow()): Promise<FullTextResult | null> {
  const facts = await loadAccessFactsForDoi(reader, doi, now);
  if (!facts) return null;
  const decision = decideAccess(facts);
  if (!decision.canRead) return { canRead: false, decision };
  const text = await db.article.findUniqueOrThrow({
    where: { id: facts.article.id },
    select: { fullTextHtml: true, referencesHtml: true },
  });
  return { canRead: true, decision, ...text };
}
