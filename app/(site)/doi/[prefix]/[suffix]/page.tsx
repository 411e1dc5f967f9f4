import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleHeader } from '@/components/article/article-header';
import { ArticleTools } from '@/components/article/article-tools';
import { CmeBox } from '@/components/article/cme-box';
import { FirstPagePreview } from '@/components/article/first-page-preview';
import { FullTextBody, FullTextGate } from '@/components/article/full-text-gate';
import { RelatedContent } from '@/components/article/related-content';
import { TextSizeControl } from '@/components/article/text-size-control';
import { AccessPanel } from '@/components/paywall/access-panel';
import { articlePath, doiFromParams, type DoiParams } from '@/lib/articles/article-path';
import { formatAmaCitation } from '@/lib/articles/format-citation';
import { getArticlePage, listArticleDois } from '@/lib/articles/get-article-page';
import { readFullText } from '@/lib/articles/read-full-text';
import { buildJsonLd, buildScholarMeta } from '@/lib/articles/scholar-meta';
import { env } from '@/lib/env';

// The page is the same for every visitor, so Next serves it from its cache; whatever depends on
// the reader (full text, account) is fetched apart. Content edits show within 5 minutes.
export const revalidate = 300;

export async function generateStaticParams(): Promise<DoiParams[]> {
  return (await listArticleDois()).map((doi) => {
    const [prefix, suffix] = articlePath(doi).split('/').slice(2) as [string, string];
    return { prefix, suffix };
  });
}

type Props = { params: Promise<DoiParams> };

async function loadArticle(params: Props['params']) {
  const doi = doiFromParams(await params);
  const article = doi ? await getArticlePage(doi) : null;
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params);
  return {
    title: article.title,
    alternates: { canonical: articlePath(article.doi) },
    other: buildScholarMeta(article, env.SITE_URL),
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle(params);
  const path = articlePath(article.doi);
  // Rendered as an anonymous visitor: only free articles come back with their text.
  const publicText = article.isFree ? await readFullText(article.doi, { userId: null, ip: null }) : null;
  const jsonLd = JSON.stringify(buildJsonLd(article, env.SITE_URL)).replace(/</g, '\\u003c');

  return (
    <div className="article-layout">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <article className="article" aria-labelledby="article-title">
        <ArticleHeader article={article} />
        <TextSizeControl />
        <div className="article-text">
          <div className="article-body article-preview" dangerouslySetInnerHTML={{ __html: article.previewHtml }} />
          {publicText?.canRead ? (
            <FullTextBody reason="Free article" fullTextHtml={publicText.fullTextHtml} referencesHtml={publicText.referencesHtml} />
          ) : (
            <FullTextGate doi={article.doi}>
              <AccessPanel doi={article.doi} returnTo={path} />
            </FullTextGate>
          )}
        </div>
        <section id="cite" className="box cite" aria-labelledby="cite-heading">
          <h2 id="cite-heading" className="box__title">
            Cite This Article
          </h2>
          <p>{formatAmaCitation(article)}</p>
        </section>
        <section id="cited-by" className="box" aria-labelledby="cited-by-heading">
          <h2 id="cited-by-heading" className="box__title">
            Cited By
          </h2>
          <p className="box__note">Citing articles will appear here.</p>
        </section>
        <section id="comments" className="box" aria-labelledby="comments-heading">
          <h2 id="comments-heading" className="box__title">
            Comments
          </h2>
          <p className="box__note">Submit a Comment: signed-in readers will be able to comment here.</p>
        </section>
      </article>
      <aside className="article-aside" aria-label="Article sidebar">
        {article.files && (
          <FirstPagePreview
            src={`${path}/first-page.png`}
            width={article.files.firstPageWidth}
            height={article.files.firstPageHeight}
            title={article.title}
          />
        )}
        <ArticleTools pdfHref={`${path}/pdf`} hasPdf={Boolean(article.files)} />
        <CmeBox doi={article.doi} />
        <RelatedContent topics={article.topics.map((t) => t.topic)} />
      </aside>
    </div>
  );
}
