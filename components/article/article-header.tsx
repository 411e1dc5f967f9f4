import { formatAuthorName, formatCitationLine } from '@/lib/articles/format-citation';
import type { ArticlePage } from '@/lib/articles/get-article-page';
import { buildScholarAuthorTags } from '@/lib/articles/scholar-meta';
import { searchHref } from '@/lib/articles/search/search-params';
import { formatDate, formatIsoDate } from '@/lib/format-date';

/** The ORCID iD mark (green circle, "iD"), as ORCID's brand guidelines ask for beside a linked iD. */
function OrcidIcon() {
  return (
    <svg className="orcid-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="12" fill="#A6CE39" />
      <text
        x="12"
        y="16.5"
        textAnchor="middle"
        fontSize="12"
        fontWeight="bold"
        fill="#fff"
        fontFamily="Arial, sans-serif"
      >
        iD
      </text>
    </svg>
  );
}

export function ArticleHeader({ article }: { article: ArticlePage }) {
  const numbered = article.affiliations.length > 1;
  return (
    <header className="article-header">
      {/* React places these in <head>; Scholar wants each author's institution and iD right after the author. */}
      {buildScholarAuthorTags(article).map((tag, i) => (
        <meta key={i} name={tag.name} content={tag.content} />
      ))}
      {article.sectionLabel && <p className="article-header__section">{article.sectionLabel}</p>}
      <h1 id="article-title" className="article-header__title">
        {/* titleHtml is built from a short whitelist of inline tags with escaped text (jats-title-html.ts). */}
        {article.titleHtml ? <span dangerouslySetInnerHTML={{ __html: article.titleHtml }} /> : article.title}
        {article.subtitle && (
          <>
            <span className="visually-hidden">: </span>
            <span className="article-header__subtitle">{article.subtitle}</span>
          </>
        )}
      </h1>
      {article.authors.length > 0 && (
        <ul className="article-header__authors" aria-label="Authors">
          {article.authors.map((a, i) => {
            const name = formatAuthorName(a);
            const marks = a.affiliations.map((x) => x.affiliation.position + 1);
            return (
              <li key={i}>
                {/* Each name lists the author's articles (a search by author). */}
                <a href={searchHref({ author: formatAuthorName(a, false) })}>{name}</a>
                {numbered && marks.length > 0 && (
                  <sup className="article-header__aff-marks">
                    <span className="visually-hidden"> affiliation </span>
                    {marks.join(',')}
                  </sup>
                )}
                {a.orcid && (
                  <a className="orcid-link" href={a.orcid} rel="noopener" title={a.orcid}>
                    <OrcidIcon />
                    <span className="visually-hidden">ORCID iD of {formatAuthorName(a, false)}</span>
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {article.affiliations.length > 0 && (
        <details className="article-header__affiliations" open={article.affiliations.length <= 3}>
          <summary>
            {article.affiliations.length === 1 ? 'Affiliation' : `Affiliations (${article.affiliations.length})`}
          </summary>
          <ol>
            {article.affiliations.map((aff) => (
              <li key={aff.position} value={aff.position + 1}>
                {aff.text}
                {aff.ror && (
                  <>
                    {' '}
                    <a href={aff.ror} rel="noopener" className="article-header__ror">
                      ROR<span className="visually-hidden"> record of this institution</span>
                    </a>
                  </>
                )}
              </li>
            ))}
          </ol>
        </details>
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
          <time dateTime={formatIsoDate(article.publishedOnline)}>{formatDate(article.publishedOnline)}</time>
        </p>
      )}
    </header>
  );
}
