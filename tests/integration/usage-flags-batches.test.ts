// COUNTER's flags set batch by batch (lib/usage/write-usage-events.ts reads only the earlier events a
// new batch can change) are the flags of all the events taken at once: uses of a few readers on a
// few links, in time order and out of it (a spool written late), split into batches of every
// size, give the same double-clicks (§7.2), unique items (§7.3) and month counts as the rules
// applied to every event together, here restated as window functions over the whole table.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { flushUsageEvents, recordUsage, type UsageInput } from '@/lib/usage/usage-event-buffer';
import { resetDatabase } from '../support/reset-db';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const articleIds: string[] = [];

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function randomFrom(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

beforeAll(async () => {
  await resetDatabase();
  const journal = await db.journal.create({ data: { slug: 'batches', title: 'Batches', abbreviation: 'B' } });
  for (const [doi, isFree] of [
    ['10.5555/batches.1', false],
    ['10.5555/batches.2', true],
  ] as const)
    articleIds.push(
      (
        await db.article.create({
          data: {
            doi,
            isFree,
            title: doi,
            journalId: journal.id,
            articleType: 'research-article',
            previewHtml: '<p>p</p>',
            fullTextHtml: '<p>t</p>',
            keywords: [],
            publishedOnline: new Date('2025-01-01'),
          },
        })
      ).id,
    );
  await db.institution.create({
    data: {
      name: 'Batch University',
      activeFrom: new Date('2025-01-01'),
      ranges: { create: [{ cidr: '203.0.113.0/24' }] },
    },
  });
});

async function writeInBatches(seed: number) {
  const random = randomFrom(seed);
  const start = Date.parse('2026-03-02T10:00:00Z');
  const uses: UsageInput[] = [];
  for (let i = 0; i < 160; i++) {
    const kind = (['investigation', 'request', 'no_license', 'shared_view'] as const)[random(4)]!;
    uses.push({
      kind,
      target: ['page', 'pdf'][random(2)]!,
      articleId: kind === 'shared_view' ? null : articleIds[random(2)]!,
      doi: kind === 'shared_view' ? `10.5555/batches.${1 + random(2)}` : null,
      ip: `203.0.113.${1 + random(2)}`,
      userAgent: BROWSER,
      userId: null,
      sessionId: random(3) === 0 ? 'session-a' : null,
      // Within one hour (one session per reader), uses often within 30 s of each other.
      at: new Date(start + random(40) * 7_000 + random(1000)),
    });
  }
  // Mostly in time order; every fifth batch is written four batches late (a spool written late).
  uses.sort((a, b) => a.at!.getTime() - b.at!.getTime());
  const batches: UsageInput[][] = [];
  for (let i = 0; i < uses.length;) {
    const size = 1 + random(25);
    batches.push(uses.slice(i, i + size));
    i += size;
  }
  const order = batches.map((_, i) => i).sort((a, b) => (a % 5 === 2 ? a + 4.5 : a) - (b % 5 === 2 ? b + 4.5 : b));
  for (const index of order) {
    for (const use of batches[index]!) recordUsage(use);
    await flushUsageEvents();
  }
}

describe('COUNTER flags written batch by batch', () => {
  for (const seed of [1, 2, 7, 12, 42]) {
    it(`equal the rules applied to every event at once (seed ${seed})`, async () => {
      await db.$executeRaw`TRUNCATE "UsageEvent", "UsageMonthCount", "UsageSpoolSegment"`;
      await writeInBatches(seed);
      const kept = await db.$queryRaw<unknown[]>`
        SELECT "id", "isCounted", "isUniqueItem", "isUniqueRequest" FROM "UsageEvent" WHERE "kind" <> 'search' ORDER BY "id"`;
      const whole = await db.$queryRaw<unknown[]>`
        SELECT "id",
               coalesce(lead("occurredAt") OVER link > "occurredAt" + interval '30 seconds', TRUE) AS "isCounted",
               ("kind" IN ('investigation', 'request') AND row_number() OVER item = 1) AS "isUniqueItem",
               ("kind" = 'request' AND row_number() OVER request = 1) AS "isUniqueRequest"
          FROM "UsageEvent" WHERE "kind" <> 'search'
        WINDOW link AS (PARTITION BY "sessionKey", "articleId", "target", "kind" = 'no_license' ORDER BY "occurredAt", "id"),
               item AS (PARTITION BY "sessionKey", "articleId", "kind" IN ('investigation', 'request') ORDER BY "occurredAt", "id"),
               request AS (PARTITION BY "sessionKey", "articleId", "kind" = 'request' ORDER BY "occurredAt", "id")
         ORDER BY "id"`;
      expect(kept.length).toBeGreaterThan(150);
      expect(kept).toEqual(whole);
      const doubleClicks = await db.usageEvent.count({ where: { isCounted: false } });
      expect(doubleClicks).toBeGreaterThan(10);

      const months = await db.$queryRaw<unknown[]>`
        SELECT "institutionId", "articleId", "totalInvestigations", "totalRequests", "uniqueInvestigations",
               "uniqueRequests", "noLicense"
          FROM "UsageMonthCount" WHERE ("totalInvestigations", "totalRequests", "uniqueInvestigations", "uniqueRequests", "noLicense") <> (0, 0, 0, 0, 0)
         ORDER BY 1, 2`;
      const fromFlags = await db.$queryRaw<unknown[]>`
        SELECT coalesce("institutionId", '') AS "institutionId", "articleId",
               (count(*) FILTER (WHERE "isCounted" AND "kind" <> 'no_license'))::int AS "totalInvestigations",
               (count(*) FILTER (WHERE "isCounted" AND "kind" = 'request'))::int AS "totalRequests",
               (count(*) FILTER (WHERE "isUniqueItem"))::int AS "uniqueInvestigations",
               (count(*) FILTER (WHERE "isUniqueRequest"))::int AS "uniqueRequests",
               (count(*) FILTER (WHERE "isCounted" AND "kind" = 'no_license'))::int AS "noLicense"
          FROM "UsageEvent" WHERE "kind" <> 'search' GROUP BY 1, 2 ORDER BY 1, 2`;
      expect(months).toEqual(fromFlags);
    });
  }
});
