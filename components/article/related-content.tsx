import Link from 'next/link';
import { articlePath } from '@/lib/articles/article-path';
import { listRelatedByTopic, listSeeAlso, type RelatedArticle } from '@/lib/related/list-related-articles';
import { PubmedList } from '@/components/related/pubmed-list';
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

/** The Related Content sidebar: the same for every visitor; only the box order is per reader (see RelatedSidebar). */
export async function RelatedContent({ articleId, doi, topics }: { articleId: string; doi: string; topics: Topic[] }) {
  const [seeAlso, byTopic] = await Promise.all([listSeeAlso(articleId), listRelatedByTopic(articleId)]);
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
    { id: 'pubmed', title: 'PubMed Articles', content: <PubmedList doi={doi} /> },
  ];
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading" className="related__title">
        Related Content
      </h2>
      <p className="box__note">Customize your page view by dragging &amp; repositioning the boxes below.</p>
      <RelatedSidebar boxes={boxes} />
    </section>
  );
}
