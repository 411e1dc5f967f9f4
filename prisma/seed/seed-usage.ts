import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { writeUsageEvents } from '@/lib/usage/write-usage-events';
import { demoCredentialRow } from '@/lib/counter/counter-credentials';

/** The demo COUNTER API credentials (README): known, so the API can be tried on a fresh machine. */
export const DEMO_COUNTER_REQUESTOR_ID = 'demo-requestor';
export const DEMO_COUNTER_API_KEY = 'demo-counter-api-key-2026';
const EVENTS = 20_000;

/**
 * A year of generated usage for the demo institution, so its COUNTER reports and the usage pages
 * are not empty on a fresh machine: sessions of a few uses (abstract views, full text, PDFs,
 * denials of what it cannot read, searches), some double-clicks, every seeded article. One
 * statement (generate_series with a fixed pattern, written with COUNTER's flags).
 */
export async function seedUsage(now = new Date()): Promise<void> {
  const institution = await db.institution.findFirst({ where: { name: 'Demo University Hospital' } });
  if (!institution) return;
  await db.counterCredential.create({
    data: demoCredentialRow(institution.id, DEMO_COUNTER_REQUESTOR_ID, DEMO_COUNTER_API_KEY),
  });
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  // The generated sessions ('seed-…') are their own: no earlier event shares one.
  const incoming = Prisma.sql`
    WITH articles AS (
      SELECT a."id", a."journalId", a."isFree",
             coalesce(extract(year FROM a."publishedOnline")::int, i."year") AS "yop",
             row_number() OVER (ORDER BY a."doi") - 1 AS n, count(*) OVER () AS total
        FROM "Article" a LEFT JOIN "Issue" i ON i."id" = a."issueId"
    ), uses AS (
      SELECT g, g / 4 AS s,
             ${yearAgo}::timestamp + ((g / 4) * (365 * 86400.0 / (${EVENTS}::int / 4))) * interval '1 second'
               + (g % 4) * interval '20 seconds' AS t,
             ((g / 4) * 31 + CASE WHEN g % 4 < 2 THEN 0 ELSE g % 4 END * 7) AS pick
        FROM generate_series(0, ${EVENTS}::int - 1) g
    )
    SELECT u.t AS "occurredAt", ${institution.id}::text AS "institutionId", NULL::text AS "userId", 'seed-' || u.s AS "sessionKey",
           CASE WHEN u.g % 13 = 12 THEN NULL ELSE a."id" END AS "articleId",
           CASE WHEN u.g % 13 = 12 THEN NULL ELSE a."journalId" END AS "journalId",
           CASE WHEN u.g % 13 = 12 THEN NULL ELSE a."yop" END AS "yop",
           (CASE WHEN u.g % 13 = 12 THEN NULL WHEN a."isFree" THEN 'Open' ELSE 'Controlled' END)::"CounterAccessType" AS "accessType",
           (CASE WHEN u.g % 13 = 12 THEN 'search' WHEN u.g % 4 = 0 THEN 'investigation'
                 WHEN u.g % 29 = 3 AND NOT a."isFree" THEN 'no_license' ELSE 'request' END)::"UsageKind" AS "kind",
           CASE WHEN u.g % 13 = 12 THEN 'search' WHEN u.g % 4 = 3 THEN 'pdf' ELSE 'page' END AS "target"
      FROM uses u JOIN articles a ON a.n = u.pick % a.total`;
  await writeUsageEvents(db, incoming, { mayFollowEarlierEvents: false });
  console.log(`Usage: ${EVENTS.toLocaleString('en-US')} generated COUNTER events for the demo institution (a year).`);
}
