import Link from 'next/link';

type Topic = { slug: string; name: string };

/** The Related Content sidebar. Box ordering, See Also and PubMed arrive with the related-content issue. */
export function RelatedContent({ topics }: { topics: Topic[] }) {
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading" className="related__title">
        Related Content
      </h2>
      <p className="box__note">Customize your page view by dragging &amp; repositioning the boxes below.</p>
      <section className="box" aria-labelledby="related-topics-heading">
        <h3 id="related-topics-heading" className="box__title">
          Related Topics
        </h3>
        {topics.length ? (
          <ul>
            {topics.map((t) => (
              <li key={t.slug}>
                <Link href={`/topics/${t.slug}`}>{t.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="box__note">No topics yet.</p>
        )}
      </section>
    </section>
  );
}
