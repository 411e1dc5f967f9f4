import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { articlePath, doiFromParams, type DoiParams } from '@/lib/articles/article-path';

// The page a reader without access gets after clicking PDF (the PDF route sends them here). The
// page itself answers 403 through forbidden(); this layout around it names the article.
export default async function PdfAccessLayout({
  params,
  children,
}: {
  params: Promise<DoiParams>;
  children: ReactNode;
}) {
  const doi = doiFromParams(await params);
  const article = doi
    ? await db.article.findUnique({ where: { doi }, select: { doi: true, title: true, titleHtml: true } })
    : null;
  if (!article) notFound();
  return (
    <div className="page pdf-access">
      <p className="eyebrow">PDF</p>
      <h1>
        <Link href={articlePath(article.doi)}>
          {article.titleHtml ? <span dangerouslySetInnerHTML={{ __html: article.titleHtml }} /> : article.title}
        </Link>
      </h1>
      {children}
    </div>
  );
}
