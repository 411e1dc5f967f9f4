// A known COUNTER scenario for the integration tests: one journal with a paid and a free article,
// Demo University Hospital by range with COUNTER API credentials, and uses that exercise the Code of
// Practice's rules (double-clicks §7.2, unique items §7.3, robots §7.8), each written by a flush of
// its own so the rules meet events of earlier batches (a double-click's second use unmarks the first).
import { db } from '@/lib/db';
import { demoCredentialRow } from '@/lib/counter/counter-credentials';
import { flushUsageEvents, recordUsage, type UsageInput } from '@/lib/usage/usage-event-buffer';
import { GET as getReport } from '@/app/r51/reports/[reportId]/route';
import { GET as getReports } from '@/app/r51/reports/route';
import { GET as getMembers } from '@/app/r51/members/route';
import { GET as getStatus } from '@/app/r51/status/route';
import { resetDatabase } from './reset-db';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const OTHER_BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Gecko/20100101 Firefox/133.0';
const CAMPUS_IP = '203.0.113.7';
const key = { requestor: 'test-requestor', apiKey: 'test-api-key-0123456789' };
export const ORCID = '0000-0002-1825-0097';
export const YEAR = { begin_date: '2026-01', end_date: '2026-06' };
export type Report = { Report_Header: Record<string, unknown>; Report_Items: Record<string, unknown>[] };

const at = (iso: string) => new Date(iso);
async function recordUse(input: Partial<UsageInput> & Pick<UsageInput, 'kind'>) {
  recordUsage({ target: 'page', ip: CAMPUS_IP, userAgent: BROWSER, userId: null, sessionId: null, ...input });
  await flushUsageEvents();
}

/** Resets the database and writes the scenario; `call` asks the /r51/ API as the institution. */
export async function setUpCounterScenario() {
  await resetDatabase();
  const journal = await db.journal.create({
    data: {
      slug: 'archdermatol',
      title: 'Archives of Dermatology',
      abbreviation: 'Arch Dermatol',
      issn: '0003-987X',
      eissn: '1538-3652',
      publisher: 'Sample Medical Publishing (demo)',
    },
  });
  const article = (doi: string, title: string, isFree: boolean, year: number) =>
    db.article.create({
      data: {
        doi,
        title,
        isFree,
        journalId: journal.id,
        articleType: 'research-article',
        previewHtml: '<p>p</p>',
        fullTextHtml: '<p>t</p>',
        keywords: [],
        publishedOnline: new Date(Date.UTC(year, 2, 1)),
      },
    });
  const paidId = (await article('10.1001/test.paid', 'A paid article', false, 2025)).id;
  const freeId = (await article('10.1001/test.free', 'A free article', true, 2024)).id;
  await db.articleAuthor.create({
    data: {
      articleId: paidId,
      position: 0,
      givenNames: 'Ada',
      surname: 'Lovelace',
      orcid: `https://orcid.org/${ORCID}`,
    },
  });
  const institution = await db.institution.create({
    data: {
      name: 'Demo University Hospital',
      activeFrom: at('2025-01-01'),
      ranges: { create: [{ cidr: '203.0.113.0/24' }] },
    },
  });
  await db.counterCredential.create({ data: demoCredentialRow(institution.id, key.requestor, key.apiKey) });

  // §7.2's example: 10:01:00 and 10:01:29 are one action; 10:01:00 and 10:01:35 are two.
  await recordUse({ kind: 'request', articleId: paidId, at: at('2026-03-02T10:01:00Z') });
  await recordUse({ kind: 'request', articleId: paidId, at: at('2026-03-02T10:01:29Z') });
  await recordUse({ kind: 'request', articleId: paidId, at: at('2026-03-03T10:01:00Z') });
  await recordUse({ kind: 'request', articleId: paidId, at: at('2026-03-03T10:01:35Z') });
  // A chain: each within 30 s of the one before, so one action (the last is kept).
  await recordUse({ kind: 'request', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-03-04T09:00:00Z') });
  await recordUse({ kind: 'request', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-03-04T09:00:20Z') });
  await recordUse({ kind: 'request', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-03-04T09:00:45Z') });
  // §7.3: the HTML and the PDF of one article in one session: 2 requests, 1 unique item.
  await recordUse({
    kind: 'request',
    articleId: paidId,
    sessionId: 'session-1',
    userId: 'u1',
    at: at('2026-04-10T08:00:00Z'),
  });
  await recordUse({
    kind: 'request',
    articleId: paidId,
    sessionId: 'session-1',
    userId: 'u1',
    target: 'pdf',
    at: at('2026-04-10T08:00:05Z'),
  });
  // An abstract view (investigation only) and a figure download of the free article (Open).
  await recordUse({ kind: 'investigation', articleId: freeId, at: at('2026-04-11T12:00:00Z') });
  await recordUse({
    kind: 'investigation',
    articleId: freeId,
    target: 'asset:fig1.png',
    at: at('2026-04-11T12:00:10Z'),
  });
  // Two refusals 10 s apart on one link: one No_License.
  await recordUse({ kind: 'no_license', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-05-01T10:00:00Z') });
  await recordUse({ kind: 'no_license', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-05-01T10:00:10Z') });
  // A shared-page view from the server (by DOI): paid, so an Investigation and a No_License.
  await recordUse({
    kind: 'shared_view',
    doi: '10.1001/test.paid',
    userAgent: OTHER_BROWSER,
    at: at('2026-05-02T10:00:00Z'),
  });
  // Searches; a robot's use; and a reader outside every range (nobody's usage).
  await recordUse({ kind: 'search', target: 'search', at: at('2026-05-03T10:00:00Z') });
  await recordUse({ kind: 'search', target: 'search', at: at('2026-05-03T10:05:00Z') });
  await recordUse({
    kind: 'request',
    articleId: paidId,
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    at: at('2026-05-04T10:00:00Z'),
  });
  await recordUse({ kind: 'request', articleId: paidId, userAgent: '', at: at('2026-05-04T10:00:00Z') });
  await recordUse({ kind: 'request', articleId: paidId, ip: '198.51.100.9', at: at('2026-05-05T10:00:00Z') });

  async function call(path: string, params: Record<string, string> = {}, auth = true) {
    const url = new URL(`http://localhost${path}`);
    if (auth) {
      url.searchParams.set('customer_id', institution.id);
      url.searchParams.set('requestor_id', key.requestor);
      url.searchParams.set('api_key', key.apiKey);
    }
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const reportId = path.startsWith('/r51/reports/') ? path.slice('/r51/reports/'.length) : undefined;
    const handler = reportId
      ? getReport
      : path === '/r51/reports'
        ? getReports
        : path === '/r51/members'
          ? getMembers
          : getStatus;
    const routeParams: Record<string, string> = reportId ? { reportId } : {};
    const response = await handler(new Request(url), { params: Promise.resolve(routeParams) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[] };
  }
  return { institutionId: institution.id, paidId, freeId, call };
}
