// NCBI E-utilities: PubMed's "similar articles" for a PMID (elink neighbor_score), then their
// titles (esummary). Pure HTTP + zod, no database: lib/related/get-pubmed-articles.ts caches it.
import { z } from 'zod';

export type PubmedItem = { pmid: string; title: string; journal: string; year: number | null };
export const pubmedItemsSchema = z.array(
  z.object({
    pmid: z.string().regex(/^\d+$/),
    title: z.string(),
    journal: z.string(),
    year: z.number().int().nullable(),
  }),
);

const elinkSchema = z.object({
  linksets: z.array(
    z.object({
      linksetdbs: z
        .array(z.object({ linkname: z.string(), links: z.array(z.union([z.string(), z.object({ id: z.string() })])) }))
        .optional(),
    }),
  ),
});

const esummarySchema = z.object({
  result: z.object({ uids: z.array(z.string()) }).catchall(z.unknown()),
});
const summarySchema = z.object({
  title: z.string(),
  fulljournalname: z.string().optional(),
  source: z.string().optional(),
  pubdate: z.string().optional(),
});

export type NcbiOptions = { baseUrl: string; tool: string; email?: string; signal: AbortSignal; limit?: number };

function eutilsUrl(base: string, path: string, params: Record<string, string>, o: NcbiOptions): string {
  const url = new URL(`${base.replace(/\/+$/, '')}/${path}`);
  for (const [k, v] of Object.entries({
    ...params,
    retmode: 'json',
    tool: o.tool,
    ...(o.email ? { email: o.email } : {}),
  })) {
    url.searchParams.set(k, v);
  }
  return url.toString();
}

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`NCBI answered ${res.status}`);
  return res.json();
}

/** The most similar PubMed articles to `pmid`, best first, without the article itself. Throws when NCBI fails. */
export async function fetchPubmedNeighbours(pmid: string, o: NcbiOptions): Promise<PubmedItem[]> {
  const linkUrl = eutilsUrl(
    o.baseUrl,
    'elink.fcgi',
    { dbfrom: 'pubmed', db: 'pubmed', cmd: 'neighbor_score', id: pmid },
    o,
  );
  const linked = elinkSchema.parse(await getJson(linkUrl, o.signal));
  const db = linked.linksets[0]?.linksetdbs?.find((l) => l.linkname === 'pubmed_pubmed');
  const ids = (db?.links ?? [])
    .map((l) => (typeof l === 'string' ? l : l.id))
    .filter((id) => id !== pmid)
    .slice(0, o.limit ?? 5);
  if (ids.length === 0) return [];
  const sumUrl = eutilsUrl(o.baseUrl, 'esummary.fcgi', { db: 'pubmed', id: ids.join(',') }, o);
  const { result } = esummarySchema.parse(await getJson(sumUrl, o.signal));
  return result.uids.flatMap((uid) => {
    const s = summarySchema.safeParse(result[uid]);
    if (!s.success) return [];
    const year = /\b(\d{4})\b/.exec(s.data.pubdate ?? '')?.[1];
    return [
      {
        pmid: uid,
        title: s.data.title,
        journal: s.data.fulljournalname ?? s.data.source ?? '',
        year: year ? Number(year) : null,
      },
    ];
  });
}
