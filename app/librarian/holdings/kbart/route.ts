// GET /librarian/holdings/kbart – the KBART title list of what the librarian's institution can read.
import { now as clockNow } from '@/lib/clock';
import { formatKbart, kbartFileName, serialRow } from '@/lib/librarian/kbart';
import { librarianRoute } from '@/lib/librarian/librarian-guard';
import { listHoldings } from '@/lib/librarian/list-holdings';
import { JOURNAL } from '@/lib/site/journal-facts';

export const GET = librarianRoute(async ({ institution }) => {
  const now = clockNow();
  const holdings = await listHoldings(institution.id, now);
  const name = kbartFileName(JOURNAL.publisher, institution.name, 'AllTitles', now);
  return new Response(formatKbart(holdings.titles.map(serialRow)), {
    headers: {
      'Content-Type': 'text/tab-separated-values; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
