import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ParsedArticle } from '../jats/parse-jats';
import { assetStore } from './asset-store';
import type { StoredAsset } from './prepare-assets';

type Tx = Prisma.TransactionClient;

/**
 * Stores the article's figure facts and files, replacing those of an earlier import. What shows in
 * the public part of the page (abstract, summaries, Article Information) is marked public; the rest
 * is served only to readers who may read the full text. `replacing` is false for a new article,
 * which has nothing to delete.
 */
export async function replaceArticleFiguresAndAssets(
  tx: Tx,
  articleId: string,
  parsed: ParsedArticle,
  stored: StoredAsset[],
  { replacing }: { replacing: boolean },
): Promise<void> {
  const publicHtml = parsed.previewHtml + parsed.summariesHtml + parsed.articleInfoHtml;
  const isPublicKey = (key: string) =>
    new RegExp(`/assets/${escapeRegExp(encodeURIComponent(key))}[" ]`).test(publicHtml);
  if (replacing || stored.length > 0)
    await assetStore.replaceArticleAssets(
      tx,
      articleId,
      stored.map((asset) => ({ ...asset, isPublic: isPublicKey(asset.key) })),
    );
  if (replacing) await tx.articleFigure.deleteMany({ where: { articleId } });
  await tx.articleFigure.createMany({
    data: parsed.figures.map((figure) => ({
      articleId,
      ...figure,
      table: figure.table ?? undefined,
      isPublic: publicHtml.includes(`id="${figure.figureId}"`),
    })),
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
