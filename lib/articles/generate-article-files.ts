import 'server-only';
import { db } from '@/lib/db';
import { readArticleFigureImage } from './assets/read-asset-for-reader';
import { formatAuthorName, formatCitationLine } from './format-citation';
import { renderArticlePdf } from './pdf/render-article-pdf';
import { renderFirstPagePng } from './pdf/render-first-page';

/**
 * Renders the article's PDF from its stored HTML, then two images of its first page from that
 * PDF (the full page, and the visitor's copy that shows no more than the public preview), and
 * stores all three.
 */
export async function generateArticleFiles(articleId: string): Promise<void> {
  const a = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    include: {
      journal: true,
      issue: true,
      authors: {
        orderBy: { position: 'asc' },
        include: { affiliations: { orderBy: { position: 'asc' }, include: { affiliation: true } } },
      },
      affiliations: { orderBy: { position: 'asc' } },
    },
  });
  // The figures' print images (the package's largest JPEG/PNG), read once before layout.
  const figures = await db.articleFigure.findMany({
    where: { articleId, imageKey: { not: null } },
    select: { figureId: true },
  });
  const images = new Map<string, Uint8Array>();
  for (const { figureId } of figures) {
    const image = await readArticleFigureImage(articleId, figureId);
    if (image) images.set(figureId, image.bytes);
  }
  // Affiliations are numbered as printed: in the order the article lists them.
  const number = new Map(a.affiliations.map((aff, i) => [aff.id, i + 1]));
  const { pdf, publicRegions } = await renderArticlePdf({
    journalTitle: a.journal.title,
    citation: formatCitationLine(a),
    sectionLabel: a.sectionLabel ?? '',
    titleHtml: a.titleHtml || a.title,
    subtitle: a.subtitle ?? '',
    authors: a.authors.map((au) => ({
      name: formatAuthorName(au),
      affiliations: au.affiliations.flatMap((link) => number.get(link.affiliationId) ?? []),
    })),
    affiliations: a.affiliations.map((aff) => aff.text),
    previewHtml: a.previewHtml,
    bodyHtml: [a.summariesHtml, a.fullTextHtml, a.articleInfoHtml].join('\n'),
    referencesHtml: a.referencesHtml,
    figureImage: (id) => images.get(id) ?? null,
  });
  const page = await renderFirstPagePng(pdf, { publicRegions });
  const data = {
    pdf: Buffer.from(pdf),
    firstPagePng: Buffer.from(page.png),
    firstPagePublicPng: page.publicPng ? Buffer.from(page.publicPng) : null,
    firstPageWidth: page.width,
    firstPageHeight: page.height,
  };
  await db.articleFiles.upsert({ where: { articleId }, create: { articleId, ...data }, update: data });
}
