import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ParsedArticle } from '../jats/parse-jats';
import { assetStore } from './asset-store';
import type { StoredAsset } from './prepare-assets';

type Tx = Prisma.TransactionClient;

export type ArticleFiguresAndAssets = { articleId: string; parsed: ParsedArticle; stored: StoredAsset[] };

/**
 * Stores the articles' figure facts and files, replacing those of an earlier import; the figures
 * of all of them in one statement (an import batch's). What shows in the public part of a page
 * (abstract, summaries, Article Information) is marked public; the rest is served only to readers
 * who may read the full text. `replacing` lists the articles that may have some already (new
 * articles have nothing to delete).
 */
export async function replaceArticleFiguresAndAssets(
  tx: Tx,
  articles: ArticleFiguresAndAssets[],
  { replacing }: { replacing: string[] },
): Promise<void> {
  const replaced = new Set(replacing);
  const figures = [];
  for (const { articleId, parsed, stored } of articles) {
    const publicHtml = parsed.previewHtml + parsed.summariesHtml + parsed.articleInfoHtml;
    const isPublicKey = (key: string) =>
      new RegExp(`/assets/${escapeRegExp(encodeURIComponent(key))}[" ]`).test(publicHtml);
    if (replaced.has(articleId) || stored.length > 0)
      await assetStore.replaceArticleAssets(
        tx,
        articleId,
        stored.map((asset) => ({ ...asset, isPublic: isPublicKey(asset.key) })),
      );
    for (const figure of parsed.figures)
      figures.push({
        articleId,
        ...figure,
        table: figure.table ?? undefined,
        isPublic: publicHtml.includes(`id="${figure.figureId}"`),
      });
  }
  if (replacing.length > 0) await tx.articleFigure.deleteMany({ where: { articleId: { in: replacing } } });
  if (figures.length > 0) await tx.articleFigure.createMany({ data: figures });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
