import { articlePath } from '@/lib/articles/article-path';
import type { ExportableArticle } from '@/lib/articles/export-citation';
import { formatCitationStyles } from '@/lib/articles/format-citation-styles';
import { env } from '@/lib/env';
import { CopyButton } from './copy-button';

/**
 * "Cite This Article": the reference in AMA, APA, Vancouver and Chicago, each with a copy
 * button, from public metadata only (the page stays the same for every visitor).
 */
export function CiteBox({ article }: { article: ExportableArticle }) {
  const url = new URL(articlePath(article.doi), env.SITE_URL).toString();
  const citations = formatCitationStyles(article, url);
  return (
    <section id="cite" className="box cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading" className="box__title">
        Cite This Article
      </h2>
      <dl className="cite-box">
        {citations.map((c) => (
          <div key={c.style} className="cite-box__style">
            <dt>{c.label}</dt>
            <dd>
              <p className="cite-box__text">{c.text}</p>
              <CopyButton text={c.text} label={`Copy the ${c.label} citation`} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
