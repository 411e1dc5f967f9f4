/**
 * "Article Information" (dates, corrections, licence, corresponding author, contributions,
 * conflict of interest disclosures, funding, data sharing, acknowledgments) for every visitor:
 * it is metadata, not the paid text, and disclosures must be visible with the abstract.
 */
export function ArticleInformation({ html }: { html: string }) {
  if (!html) return null;
  return (
    <section id="article-information" className="article-information" aria-labelledby="article-information-heading">
      <h2 id="article-information-heading">Article Information</h2>
      {/* Sanitized when imported (lib/articles/jats). */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
