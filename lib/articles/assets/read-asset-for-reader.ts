import 'server-only';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { decideAccess } from '@/lib/access/decide-access';
import { loadAccessFacts, type Reader } from '@/lib/access/load-access-facts';
import { assetStore, type StoredAssetBlob } from './asset-store';

export type AssetForReader = { canRead: false } | { canRead: true; asset: StoredAssetBlob };

/**
 * One stored file of an article for this reader: files of the public part for anyone, the rest
 * only when the access decision lets the reader read the full text (as the PDF). Null when the
 * article or file does not exist. `reader` is asked only for a gated file (it reads the session).
 */
export async function readAssetForReader(
  doi: string,
  key: string,
  reader: () => Promise<Reader>,
  now = clockNow(),
): Promise<AssetForReader | null> {
  const article = await db.article.findUnique({ where: { doi }, select: { id: true, isFree: true } });
  if (!article) return null;
  const asset = await assetStore.readAsset(article.id, key);
  if (!asset) return null;
  if (asset.isPublic) return { canRead: true, asset };
  const decision = decideAccess(await loadAccessFacts(await reader(), article, now));
  return decision.canRead ? { canRead: true, asset } : { canRead: false };
}

/**
 * The stored bytes of one of an article's files by key, with no access check: for server-side
 * renderers (the PDF) that have already decided the reader may see the article. For a figure, ask
 * readArticleFigureImage instead, which knows which rendition to use.
 */
export async function readArticleAsset(articleId: string, key: string): Promise<StoredAssetBlob | null> {
  return assetStore.readAsset(articleId, key);
}

/**
 * The print image (largest JPEG or PNG) of the figure whose XML id is `figureId` ("fig1"), or null
 * when the figure has no stored image. No access check (see readArticleAsset).
 */
export async function readArticleFigureImage(
  articleId: string,
  figureId: string,
): Promise<(StoredAssetBlob & { figureId: string }) | null> {
  const figure = await db.articleFigure.findUnique({
    where: { articleId_figureId: { articleId, figureId } },
    select: { imageKey: true },
  });
  const asset = figure?.imageKey ? await assetStore.readAsset(articleId, figure.imageKey) : null;
  return asset ? { ...asset, figureId } : null;
}
