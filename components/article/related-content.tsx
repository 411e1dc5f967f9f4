import Link from 'next/link';
import { articlePath } from '@/lib/articles/article-path';
import type { RelatedArticle } from '@/lib/related/list-related-articles';
import { PubmedList } from '@/components/related/pubmed-list';
import type { ArticleReaderParts, ArticleSharedParts } from '@/lib/articles/article-reader-parts';
import { RelatedSidebar, type SidebarBox } from '@/components/related/related-sidebar';
import '@/components/related/related.css';

type Topic = { slug: string; name: string };

function ArticleList({ articles, empty }: { articles: RelatedArticle[]; empty: string }) {
  if (articles.length === 0) return <p className="box__note">{empty}</p>;
  return (
    <ul className="related__list">
      {articles.map((a) => (
        <li key={a.doi}>
          <Link href={articlePath(a.doi)}>{a.title}</Link>
          {a.sectionLabel && <span className="related__meta"> {a.sectionLabel}</span>}
        </li>
      ))}
    </ul>
  );
}

type Props = {
  shared: Pick<ArticleSharedParts, 'seeAlso' | 'byTopic'>;
  pmid: string | null;
  topics: Topic[];
  parts: Pick<ArticleReaderParts, 'layout' | 'accountLayout' | 'pubmed' | 'tools'>;
};

/** The Related Content sidebar: the same boxes for every reader, in the reader's own order (see RelatedSidebar). */
export function RelatedContent({ shared: { seeAlso, byTopic }, pmid, topics, parts }: Props) {
  const boxes: SidebarBox[] = [
    { id: 'see-also', title: 'See Also...', content: <ArticleList articles={seeAlso} empty="No linked articles." /> },
    {
      id: 'by-topic',
      title: 'Articles Related By Topic',
      content: <ArticleList articles={byTopic} empty="No other articles share a topic yet." />,
    },
    {
      id: 'topics',
      title: 'Related Topics',
      content: topics.length ? (
        <ul className="related__list">
          {topics.map((t) => (
            <li key={t.slug}>
              <Link href={`/topics/${t.slug}`}>{t.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="box__note">No topics yet.</p>
      ),
    },
    { id: 'pubmed', title: 'PubMed Articles', content: <PubmedList result={parts.pubmed} pmid={pmid} /> },
  ];
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading" className="related__title">
        Related Content
      </h2>
      <p className="box__note">Customize your page view by dragging &amp; repositioning the boxes below.</p>
      <RelatedSidebar
        boxes={boxes}
        initialLayout={parts.layout}
        accountLayout={parts.accountLayout}
        isSignedIn={parts.tools.isSignedIn}
      />
    </section>
  );
}
