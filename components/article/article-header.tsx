import { formatAuthorName, formatCitationLine } from '@/lib/articles/format-citation';
import type { ArticlePage } from '@/lib/articles/get-article-page';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

export function ArticleHeader({ article }: { article: ArticlePage }) {
  return (
    <header className="article-header">
      {article.sectionLabel && <p className="article-header__section">{article.sectionLabel}</p>}
      <h1 id="article-title" className="article-header__title">
        {article.title}
        {article.subtitle && (
          <>
            <span className="visually-hidden">: </span>
            <span className="article-header__subtitle">{article.subtitle}</span>
          </>
        )}
      </h1>
      {article.authors.length > 0 && (
        <p className="article-header__authors">{article.authors.map((a) => formatAuthorName(a)).join('; ')}</p>
      )}
      <p className="article-header__citation">
        <span>{formatCitationLine(article)}.</span>{' '}
        <a href={`https://doi.org/${article.doi}`} rel="noopener">
          https://doi.org/{article.doi}
        </a>
      </p>
      {article.publishedOnline && (
        <p className="article-header__published">
          Published online{' '}
          <time dateTime={article.publishedOnline.toISOString().slice(0, 10)}>
            {dateFormat.format(article.publishedOnline)}
          </time>
        </p>
      )}
    </header>
  );
}
