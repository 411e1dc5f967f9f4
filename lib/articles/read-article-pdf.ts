import 'server-only';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { decideAccess } from '@/lib/access/decide-access';
import { loadAccessFacts, type Reader } from '@/lib/access/load-access-facts';

export type ArticlePdfResult = { doi: string } & (
  { canRead: true; pdf: Uint8Array; fileName: string } | { canRead: false }
);

/** The article's PDF when the access decision lets this reader read it; null for an unknown DOI or no PDF. */
export async function readArticlePdf(doi: string, reader: Reader, now = clockNow()): Promise<ArticlePdfResult | null> {
  const article = await db.article.findUnique({
    where: { doi },
    select: { id: true, isFree: true, files: { select: { articleId: true } } },
  });
  if (!article?.files) return null;
  const decision = decideAccess(await loadAccessFacts(reader, article, now));
  if (!decision.canRead) return { doi, canRead: false };
  const files = await db.articleFiles.findUniqueOrThrow({ where: { articleId: article.id }, select: { pdf: true } });
  return { doi, canRead: true, pdf: files.pdf, fileName: `${doi.replace(/[^a-z0-9.]+/gi, '-')}.pdf` };
}
