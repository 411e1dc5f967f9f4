import Link from 'next/link';
import type { SearchOutcome } from '@/lib/articles/search/search-articles';
import { searchHref, type SearchParams } from '@/lib/articles/search/search-params';
import type { FacetCount } from '@/lib/articles/search/query-search-page';

type Props = { params: SearchParams; facets: SearchOutcome['facets'] };

const ACCESS_LABELS: Record<string, string> = { free: 'Free', paid: 'Subscription or purchase' };

/** One collapsible group of filter links; a chosen value links back to "any". */
function FacetGroup({
  title,
  name,
  values,
  chosen,
  params,
}: {
  title: string;
  name: 'type' | 'year' | 'topic' | 'access';
  values: FacetCount[];
  chosen: string | undefined;
  params: SearchParams;
}) {
  if (values.length === 0) return null;
  return (
    <details className="search-facet" open={chosen !== undefined}>
      <summary>{title}</summary>
      <ul>
        {chosen !== undefined && (
          <li>
            <Link href={searchHref({ ...params, [name]: undefined, page: 1 })}>Any {title.toLowerCase()}</Link>
          </li>
        )}
        {values.map((v) => (
          <li key={v.value}>
            <Link
              href={searchHref({ ...params, [name]: name === 'year' ? Number(v.value) : v.value, page: 1 })}
              aria-current={chosen === v.value ? 'true' : undefined}
            >
              {name === 'access' ? (ACCESS_LABELS[v.value] ?? v.label) : v.label}{' '}
              <span className="search-facet__count">({v.count})</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Filters with counts: each count is what choosing that value would give. */
export function SearchFacets({ params, facets }: Props) {
  return (
    <nav aria-label="Filter results" className="search-facets">
      <p className="search-facets__readable">
        {params.readable ? (
          <Link href={searchHref({ ...params, readable: undefined, page: 1 })} aria-current="true">
            Showing only what I can read ({facets.readable}) · show all
          </Link>
        ) : (
          <Link href={searchHref({ ...params, readable: '1', page: 1 })}>Only what I can read ({facets.readable})</Link>
        )}
      </p>
      <FacetGroup title="Article type" name="type" values={facets.types} chosen={params.type} params={params} />
      <FacetGroup title="Year" name="year" values={facets.years} chosen={params.year?.toString()} params={params} />
      <FacetGroup title="Topic" name="topic" values={facets.topics} chosen={params.topic} params={params} />
      <FacetGroup title="Access" name="access" values={facets.access} chosen={params.access} params={params} />
    </nav>
  );
}
