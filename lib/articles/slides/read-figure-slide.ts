import 'server-only';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { decideAccess } from '@/lib/access/decide-access';
import { loadAccessFacts, type Reader } from '@/lib/access/load-access-facts';
import { assetStore } from '../assets/asset-store';
import { formatAmaCitation } from '../format-citation';
import type { SlideCell } from '../jats/jats-figure-facts';
import { buildFigureSlide } from './build-figure-slide';

export type FigureSlideResult =
  { status: 'sign-in' } | { status: 'forbidden' } | { status: 'ok'; pptx: Buffer; fileName: string };

/**
 * The "Download slide" of one figure or table, for registered readers: signed in, and — for a
 * figure of the gated part — allowed by the access decision to read the full text, exactly as the
 * figure's image. Null when the article or figure does not exist.
 */
export async function readFigureSlide(
  doi: string,
  figureId: string,
  reader: Reader,
  now = clockNow(),
): Promise<FigureSlideResult | null> {
  const article = await db.article.findUnique({
    where: { doi },
    include: { journal: true, issue: true, authors: { orderBy: { position: 'asc' } } },
  });
  if (!article) return null;
  const figure = await db.articleFigure.findUnique({
    where: { articleId_figureId: { articleId: article.id, figureId } },
  });
  if (!figure) return null;
  if (!reader.userId) return { status: 'sign-in' };
  if (!figure.isPublic && !decideAccess(await loadAccessFacts(reader, article, now)).canRead)
    return { status: 'forbidden' };
  const image = figure.imageKey ? await assetStore.readAsset(article.id, figure.imageKey) : null;
  const pptx = await buildFigureSlide({
    title: [figure.label, article.title].filter(Boolean).join(' · '),
    caption: figure.caption,
    citation: formatAmaCitation(article),
    licence: figure.licence,
    image: image?.width && image.height ? { ...image, width: image.width, height: image.height } : null,
    table: (figure.table as SlideCell[][] | null) ?? null,
  });
  const fileName = `${doi.replace(/[^a-z0-9.]+/gi, '-')}-${figureId.replace(/[^a-z0-9._-]+/gi, '-')}.pptx`;
  return { status: 'ok', pptx, fileName };
}
