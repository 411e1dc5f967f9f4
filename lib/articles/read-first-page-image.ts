import 'server-only';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { decideAccess } from '@/lib/access/decide-access';
import { loadAccessFacts, type Reader } from '@/lib/access/load-access-facts';
import { generateArticleFiles } from './generate-article-files';

export type FirstPageImageResult = {
  png: Uint8Array;
  /** the whole first page (the reader may read the article), not the visitor's veiled copy */
  isFull: boolean;
  /** the same image for everyone (a free article, or the veiled copy): a shared cache may keep it */
  isSameForEveryone: boolean;
};

/**
 * The first-page image this reader may see: the whole page when the access decision lets them read
 * the article, otherwise the copy that shows no more than the public preview. Null for an unknown
 * DOI or an article without files. An article whose files predate the veiled copy gets it made now.
 */
export async function readFirstPageImage(
  doi: string,
  reader: Reader,
  now = clockNow(),
): Promise<FirstPageImageResult | null> {
  const article = await db.article.findUnique({
    where: { doi },
    select: { id: true, isFree: true, files: { select: { articleId: true } } },
  });
  if (!article?.files) return null;
  const decision = decideAccess(await loadAccessFacts(reader, article, now));
  if (decision.canRead) {
    const files = await db.articleFiles.findUniqueOrThrow({
      where: { articleId: article.id },
      select: { firstPagePng: true },
    });
    return { png: files.firstPagePng, isFull: true, isSameForEveryone: decision.source === 'free' };
  }
  const veiled = () =>
    db.articleFiles.findUniqueOrThrow({ where: { articleId: article.id }, select: { firstPagePublicPng: true } });
  let files = await veiled();
  if (!files.firstPagePublicPng) {
    await generateArticleFiles(article.id);
    files = await veiled();
  }
  // Never the full page for this reader: without a veiled copy there is no image at all.
  if (!files.firstPagePublicPng) return null;
  return { png: files.firstPagePublicPng, isFull: false, isSameForEveryone: true };
}
