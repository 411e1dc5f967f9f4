// Which paid articles one reader may read, asked of the one access rule, so a list query (search,
// its "I can read" filter, its snippets) can select them in SQL without re-deriving access.
import { decideAccess } from './decide-access';
import type { ReaderAccessFacts } from './load-reader-access-facts';

export type ReadableScope = {
  /** Every paid article (a subscription or an institution opens them all). */
  isEveryPaidArticle: boolean;
  /** Paid articles opened one by one (24-hour purchases), when not every one is. */
  articleIds: string[];
};

/**
 * Free articles are readable by everyone. The rule is asked for a paid article no purchase names
 * (what a subscription or institution opens) and for each purchased article; nothing else in the
 * rule depends on the article.
 */
export function decideReadableScope(facts: ReaderAccessFacts): ReadableScope {
  const anyPaid = decideAccess({ ...facts, article: { id: '', isFree: false } });
  if (anyPaid.canRead) return { isEveryPaidArticle: true, articleIds: [] };
  const articleIds = [...new Set(facts.purchases.map((p) => p.articleId))].filter(
    (id) => decideAccess({ ...facts, article: { id, isFree: false } }).canRead,
  );
  return { isEveryPaidArticle: false, articleIds };
}
