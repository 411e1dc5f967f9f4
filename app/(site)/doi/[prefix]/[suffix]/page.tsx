import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { after } from 'next/server';
import { ArticleComments } from '@/components/article/article-comments';
import { ArticleHeader } from '@/components/article/article-header';
import { ArticleInformation } from '@/components/article/article-information';
import { ArticleTabs } from '@/components/article/article-tabs';
import { ArticleTools } from '@/components/article/article-tools';
import { CitedBy } from '@/components/article/cited-by';
import { CmeBox } from '@/components/article/cme-box';
import { FirstPagePreview } from '@/components/article/first-page-preview';
import { FullTextBody, FullTextGate } from '@/components/article/full-text-gate';
import { RelatedContent } from '@/components/article/related-content';
import { TextSizeControl } from '@/components/article/text-size-control';
import { ViewLarge } from '@/components/article/view-large';
import { AccessPanel } from '@/components/paywall/access-panel';
import { articlePath, doiFromParams, type DoiParams } from '@/lib/articles/article-path';
import { formatAmaCitation } from '@/lib/articles/format-citation';
import { getArticlePage, listArticleDois } from '@/lib/articles/get-article-page';
import { readFullText } from '@/lib/articles/read-full-text';
import { buildJsonLd, buildScholarMeta } from '@/lib/articles/scholar-meta';
import { refreshCitedBy } from '@/lib/related/refresh-cited-by';
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
  // Crossref is asked after the render (on build and revalidation), never while a reader waits.
  after(() => refreshCitedBy(article.id));

  return (
    <div className="article-layout">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <article className="article" aria-labelledby="article-title">
        <ArticleHeader article={article} />
        <ArticleTabs
          tabs={[
            {
              id: 'article',
              label: 'Article',
              panel: (
                <>
                  <TextSizeControl />
                  <div className="article-text">
                    <div
                      className="article-body article-preview"
                      dangerouslySetInnerHTML={{ __html: article.previewHtml }}
                    />
                    {article.summariesHtml && (
                      <div
                        className="article-body article-summaries"
                        dangerouslySetInnerHTML={{ __html: article.summariesHtml }}
                      />
                    )}
                    {publicText?.canRead ? (
                      <FullTextBody
                        reason="Free article"
                        fullTextHtml={publicText.fullTextHtml}
                        referencesHtml={publicText.referencesHtml}
                      />
                    ) : (
                      <FullTextGate doi={article.doi}>
                        <AccessPanel doi={article.doi} returnTo={path} />
                      </FullTextGate>
                    )}
                  </div>
                  <ArticleInformation html={article.articleInfoHtml} />
                  <section id="cite" className="box cite" aria-labelledby="cite-heading">
                    <h2 id="cite-heading" className="box__title">
                      Cite This Article
                    </h2>
                    <p>{formatAmaCitation(article)}</p>
                  </section>
                </>
              ),
            },
            { id: 'cited-by', label: 'Cited By', panel: <CitedBy articleId={article.id} /> },
            { id: 'comments', label: 'Comments', panel: <ArticleComments doi={article.doi} /> },
          ]}
        />
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
        <ArticleTools doi={article.doi} path={path} title={article.title} hasPdf={Boolean(article.files)} />
        <CmeBox doi={article.doi} />
        <RelatedContent articleId={article.id} doi={article.doi} topics={article.topics.map((t) => t.topic)} />
      </aside>
      <ViewLarge />
    </div>
  );
}
