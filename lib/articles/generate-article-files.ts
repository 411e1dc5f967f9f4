import 'server-only';
import { db } from '@/lib/db';
import { formatAuthorName, formatCitationLine } from './format-citation';
import { htmlToParagraphs } from './html-to-text';
import { renderArticlePdf } from './pdf/render-article-pdf';
import { renderFirstPagePng } from './pdf/render-first-page';

/** Renders the article's PDF from its stored text, then the first-page image from that PDF, and stores both. */
export async function generateArticleFiles(articleId: string): Promise<void> {
  const a = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { journal: true, issue: true, authors: { orderBy: { position: 'asc' } } },
  });
  const pdf = await renderArticlePdf({
    journalTitle: a.journal.title,
    citation: formatCitationLine(a),
    sectionLabel: a.sectionLabel ?? '',
    title: a.title,
    subtitle: a.subtitle ?? '',
    authors: a.authors.map((au) => formatAuthorName(au)).join('; '),
    paragraphs: [
      ...htmlToParagraphs(a.previewHtml),
      ...htmlToParagraphs(a.summariesHtml),
      ...htmlToParagraphs(a.fullTextHtml),
      ...htmlToParagraphs(a.articleInfoHtml),
    ],
    references: htmlToParagraphs(a.referencesHtml),
  });
  const page = await renderFirstPagePng(pdf);
  const data = {
    pdf: Buffer.from(pdf),
    firstPagePng: Buffer.from(page.png),
    firstPageWidth: page.width,
    firstPageHeight: page.height,
  };
  await db.articleFiles.upsert({ where: { articleId }, create: { articleId, ...data }, update: data });
}
