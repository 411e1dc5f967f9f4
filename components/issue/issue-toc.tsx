import Link from 'next/link';
import { articlePath } from '@/lib/articles/article-path';
import { formatAuthorName, formatPages } from '@/lib/articles/format-citation';
import type { IssueToc as Issue } from '@/lib/articles/get-issue';

/** Table of contents, grouped by section label in the order the articles appear. */
export function IssueToc({ issue }: { issue: Issue }) {
  const sections = new Map<string, Issue['articles']>();
  for (const a of issue.articles) {
    const key = a.sectionLabel ?? 'Articles';
    sections.set(key, [...(sections.get(key) ?? []), a]);
  }
  return (
    <div className="toc">
      {[...sections].map(([section, articles]) => (
        <section key={section} className="toc__section" aria-label={section}>
          <h2 className="toc__heading">{section}</h2>
          <ul className="toc__list">
            {articles.map((a) => (
              <li key={a.doi} className="toc__item">
                <Link href={articlePath(a.doi)} className="toc__title">
                  {a.title}
                  {a.subtitle ? `: ${a.subtitle}` : ''}
                </Link>
                <p className="toc__authors">{a.authors.map((au) => formatAuthorName(au)).join('; ')}</p>
                <p className="toc__meta">
                  {formatPages(a) && <span>p. {formatPages(a)}</span>}
                  {a.isFree && <span className="badge">Free</span>}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
