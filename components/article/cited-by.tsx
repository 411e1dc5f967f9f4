import { formatCitingAuthors } from '@/lib/related/format-citing-authors';
import type { CitedBy as CitedByData } from '@/lib/related/list-citations';

/** "Cited By": stored citing works (lib/related/list-citations), the same for every reader. */
export function CitedBy({ citedBy }: { citedBy: CitedByData }) {
  const { works, areExamples } = citedBy;
  return (
    <section id="cited-by" className="box" aria-labelledby="cited-by-heading">
      <h2 id="cited-by-heading" className="box__title">
        Cited By ({works.length})
      </h2>
      {areExamples && (
        <p className="box__note">
          Citing articles are presented as examples only. With Crossref credentials configured, Crossref&apos;s
          &quot;Cited By&quot; service populates this list.
        </p>
      )}
      {works.length === 0 ? (
        <p className="box__note">No citing articles are known yet.</p>
      ) : (
        <ul className="cited-by__list">
          {works.map((w) => (
            <li key={w.id}>
              {w.authors.length > 0 && <span className="cited-by__authors">{formatCitingAuthors(w.authors)}. </span>}
              <cite>{w.title}</cite>. <i>{w.journal}</i>
              {w.year ? `. ${w.year}` : ''}
              {w.doi && (
                <>
                  . <a href={`https://doi.org/${w.doi}`}>doi:{w.doi}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
