import 'server-only';
import { db } from '@/lib/db';
import { decideAccess } from '@/lib/access/decide-access';
import { loadAccessFacts, type Reader } from '@/lib/access/load-access-facts';
import { htmlToParagraphs } from './html-to-text';

export type SearchResult = {
  doi: string;
  title: string;
  sectionLabel: string | null;
  snippet: string;
  access: 'free' | 'full text' | 'preview only';
};

const LIMIT = 50;

function snippetAround(text: string, term: string): string {
  const at = text.toLowerCase().indexOf(term.toLowerCase());
  const start = Math.max(0, at - 80);
  const piece = text.slice(start, start + 240).trim();
  return `${start > 0 ? '… ' : ''}${piece}${start + 240 < text.length ? ' …' : ''}`;
}

/**
 * Searches titles, abstracts/previews, keywords and author names for everyone. The gated full
 * text is searched too, but an article found only there is shown only to readers the access
 * decision lets read it: otherwise the hit itself would reveal what the paid text says.
 * Snippets always come from public text.
 */
export async function searchArticles(query: string, reader: Reader, now: Date): Promise<SearchResult[]> {
  const term = query.trim();
  if (term.length < 2) return [];
  // Prisma passes `contains` to LIKE as it is: "%" and "_" would match anything.
  const contains = { contains: term.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const };
  const candidates = await db.article.findMany({
    where: {
      OR: [
        { title: contains },
        { subtitle: contains },
        { previewHtml: contains },
        { keywords: { has: term } },
        { authors: { some: { OR: [{ surname: contains }, { collab: contains }] } } },
        { fullTextHtml: contains },
      ],
    },
    select: {
      id: true,
      doi: true,
      title: true,
      subtitle: true,
      sectionLabel: true,
      isFree: true,
      previewHtml: true,
      keywords: true,
    },
    orderBy: [{ publishedOnline: 'desc' }, { title: 'asc' }],
    take: LIMIT,
  });

  const results: SearchResult[] = [];
  for (const a of candidates) {
    const preview = htmlToParagraphs(a.previewHtml).join(' ');
    const publicText = [a.title, a.subtitle ?? '', preview, a.keywords.join(' ')].join(' ').toLowerCase();
    const decision = decideAccess(await loadAccessFacts(reader, a, now));
    const isPublicHit = publicText.includes(term.toLowerCase());
    if (!isPublicHit && !decision.canRead) continue;
    results.push({
      doi: a.doi,
      title: a.subtitle ? `${a.title}: ${a.subtitle}` : a.title,
      sectionLabel: a.sectionLabel,
      snippet: snippetAround(preview, isPublicHit ? term : ''),
      access: decision.source === 'free' ? 'free' : decision.canRead ? 'full text' : 'preview only',
    });
  }
  return results;
}
