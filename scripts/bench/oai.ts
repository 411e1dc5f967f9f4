// OAI-PMH: 5,000 generated articles (each with a 900-word full text, one in five free) on an
// in-memory embedded database in this process; the harvests run in a child process of its own
// (the "server"), whose peak resident memory (VmHWM) is read: a full ListRecords harvest in JATS
// followed through its resumption tokens, and all 5,000 records in one streamed response.
// BENCH_OAI_ARTICLES changes the corpus.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { applyMigrations } from '../lib/schema-engine';
import type { OaiHarvestFigures } from './oai-child';

const articleCount = Number(process.env.BENCH_OAI_ARTICLES ?? 5000);

export type OaiFigures = { articles: number; paged: OaiHarvestFigures; single: OaiHarvestFigures };

const WORDS = (
  'patient clinical study skin treatment therapy dose outcome risk diagnosis management review cohort trial ' +
  'lesion severity score drug reaction eosinophilia rash fever hepatitis psoriasis eczema melanoma biopsy'
).split(' ');

function paragraphs(seed: number, count: number, words: number): string {
  return Array.from(
    { length: count },
    (_, p) =>
      `<p>${Array.from({ length: words }, (_, w) => WORDS[(seed * 7 + p * 13 + w * 3) % WORDS.length]).join(' ')}.</p>`,
  ).join('');
}

export async function benchOai(): Promise<OaiFigures> {
  const database = await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 20 });
  try {
    process.env.DATABASE_URL = database.url;
    process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '120000';
    await applyMigrations(database.url);
    const { db } = await import('@/lib/db');
    const journal = await db.journal.create({
      data: { slug: 'bench', title: 'Bench Journal', abbreviation: 'Bench J' },
    });
    const issue = await db.issue.create({
      data: { journalId: journal.id, volume: '1', number: '1', year: 2026, dateLabel: 'January 2026' },
    });
    for (let from = 0; from < articleCount; from += 100) {
      const ids = Array.from({ length: Math.min(100, articleCount - from) }, (_, i) => from + i);
      await db.article.createMany({
        data: ids.map((i) => ({
          id: `oai-bench-${i}`,
          doi: `10.5555/oai.${i}`,
          journalId: journal.id,
          issueId: i % 2 === 0 ? issue.id : null,
          articleType: ['research-article', 'case-report', 'letter'][i % 3]!,
          title: `Generated article ${i} on ${WORDS[i % WORDS.length]}`,
          isFree: i % 5 === 0,
          publishedOnline: new Date(Date.UTC(2020, i % 12, 1 + (i % 28))),
          previewHtml: paragraphs(i, 3, 50),
          fullTextHtml: paragraphs(i + 1, 15, 60),
          keywords: [WORDS[i % WORDS.length]!, WORDS[(i + 5) % WORDS.length]!],
        })),
      });
      await db.articleAuthor.createMany({
        data: ids.flatMap((i) =>
          [0, 1, 2].map((position) => ({
            articleId: `oai-bench-${i}`,
            position,
            givenNames: 'Pascal',
            surname: `Joly${position}`,
          })),
        ),
      });
    }
    await db.$disconnect();
    const run = async (mode: 'paged' | 'single') => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [...process.execArgv, path.join(import.meta.dirname, 'oai-child.ts'), mode],
        { env: { ...process.env, DATABASE_URL: database.url }, maxBuffer: 16 * 1024 * 1024 },
      );
      return JSON.parse(stdout.trim().split('\n').at(-1)!) as OaiHarvestFigures;
    };
    return { articles: articleCount, paged: await run('paged'), single: await run('single') };
  } finally {
    await database.stop();
  }
}
