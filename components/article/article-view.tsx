import { ArticleComments } from '@/components/article/article-comments';
import { ArticleHeader } from '@/components/article/article-header';
import { ArticleInformation } from '@/components/article/article-information';
import { ArticleTabs } from '@/components/article/article-tabs';
import { ArticleTools } from '@/components/article/article-tools';
import { ArticleUsage } from '@/components/article/article-usage';
import { CitedBy } from '@/components/article/cited-by';
import { CmeBox } from '@/components/article/cme-box';
import { FirstPagePreview } from '@/components/article/first-page-preview';
import { FullText, References } from '@/components/article/full-text';
import { RelatedContent } from '@/components/article/related-content';
import { TextSizeControl } from '@/components/article/text-size-control';
import { CiteBox } from '@/components/article/cite-box';
import { ViewLarge } from '@/components/article/view-large';
import type { ArticleViewData } from '@/lib/articles/article-reader-parts';
import { articlePath } from '@/lib/articles/article-path';
import { buildJsonLd } from '@/lib/articles/scholar-meta';
import { env } from '@/lib/env';

/**
 * The article page, one component for both of its forms: the page every visitor shares (cached)
 * and the per-reader page. Everything that differs between readers comes in `parts`, decided on
 * the server before rendering (lib/articles/load-article-reader-parts); `shared` is the same for
 * every reader. It reads nothing itself: the data come in whole.
 */
export function ArticleView({ article, shared, parts }: ArticleViewData) {
  const path = articlePath(article.doi);
  const jsonLd = JSON.stringify(buildJsonLd(article, env.SITE_URL)).replace(/</g, '\\u003c');

  return (
    <div className="article-layout" data-text-size={parts.textSize ?? undefined}>
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
                  <TextSizeControl initial={parts.textSize} returnTo={path} />
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
                    <FullText text={parts.text} doi={article.doi} returnTo={path} />
                    <References html={article.referencesHtml} />
                  </div>
                  <ArticleInformation html={article.articleInfoHtml} />
                  <CiteBox citations={shared.citations} />
                </>
              ),
            },
            { id: 'cited-by', label: 'Cited By', panel: <CitedBy citedBy={shared.citedBy} /> },
            {
              id: 'comments',
              label: 'Comments',
              panel: <ArticleComments doi={article.doi} initial={parts.comments} />,
            },
          ]}
        />
      </article>
      <aside className="article-aside" aria-label="Article sidebar">
        {article.files && (
          <FirstPagePreview
            src={`${path}/first-page.png`}
            thumbnailSrc={`${path}/first-page-thumbnail.webp`}
            width={article.files.firstPageWidth}
            height={article.files.firstPageHeight}
            title={article.title}
          />
        )}
        <ArticleUsage articleId={article.id} />
        <ArticleTools
          doi={article.doi}
          path={path}
          title={article.title}
          hasPdf={Boolean(article.files)}
          tools={parts.tools}
        />
        <CmeBox activity={shared.cme} />
        <RelatedContent shared={shared} pmid={article.pmid} topics={article.topics.map((t) => t.topic)} parts={parts} />
      </aside>
      <ViewLarge />
    </div>
  );
}
