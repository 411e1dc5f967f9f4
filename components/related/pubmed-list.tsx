'use client';

import { useEffect, useState } from 'react';

type Item = { pmid: string; title: string; journal: string; year: number | null };
type Result = { status: 'ok'; items: Item[] } | { status: 'unavailable' } | { status: 'none' };

/** PubMed's similar articles, asked for after load: NCBI's speed never holds up the page. */
export function PubmedList({ doi }: { doi: string }) {
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/articles/pubmed?doi=${encodeURIComponent(doi)}`, { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<Result>) : { status: 'unavailable' as const }))
      .then(setResult)
      .catch(() => {
        if (!controller.signal.aborted) setResult({ status: 'unavailable' });
      });
    return () => controller.abort();
  }, [doi]);

  if (!result) return <p className="box__note">Loading PubMed articles…</p>;
  if (result.status === 'none') return <p className="box__note">No PubMed record for this article.</p>;
  if (result.status === 'unavailable') return <p className="box__note">PubMed articles are not available right now.</p>;
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
