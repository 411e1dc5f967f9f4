import type { PubmedResult } from '@/lib/related/get-pubmed-articles';

/**
 * PubMed's similar articles, rendered into the page from the cache (lib/related/get-pubmed-articles):
 * NCBI's speed never holds up the page and nothing is asked after load. When no list is at hand,
 * a plain link to PubMed's own "Similar articles" for this record.
 */
export function PubmedList({ result, pmid }: { result: PubmedResult; pmid: string | null }) {
  if (result.status === 'none') return <p className="box__note">No PubMed record for this article.</p>;
  if (result.status === 'unavailable')
    return (
      <p className="box__note">
        PubMed articles are not available right now.
        {pmid && (
          <>
            {' '}
            <a href={`https://pubmed.ncbi.nlm.nih.gov/?linkname=pubmed_pubmed&from_uid=${encodeURIComponent(pmid)}`}>
              Similar articles on PubMed
            </a>
          </>
        )}
      </p>
    );
  if (result.items.length === 0) return <p className="box__note">No similar PubMed articles.</p>;
  return (
    <ul className="related__list">
      {result.items.map((item) => (
        <li key={item.pmid}>
          <a href={`https://pubmed.ncbi.nlm.nih.gov/${item.pmid}/`}>{item.title}</a>
          <span className="related__meta">
            {' '}
            {item.journal}
            {item.year ? `, ${item.year}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
