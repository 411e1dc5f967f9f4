// A 500 KB article (a corpus article's body repeated) on the production server: the server-side
// render of its page (the first request for each of several such articles, so neither Next's cache
// nor the micro-cache answers), the subscriber's page (per reader, with the full text in it: first
// request per article, then again) and the subscriber's full-text response (the entitled variant).
import path from 'node:path';
import { signIn } from '../scale/sign-in';
import { startBenchServer } from './bench-server';
import { LARGE_SOURCE, readCorpus, repeatBody, withDoi } from './large-jats';

const ARTICLES = Number(process.env.BENCH_LARGE_ARTICLES ?? 15);
const ARTICLE_BYTES = 500 * 1024;

export type LargePageFigures = {
  articles: number;
  jatsBytes: number;
  pageBytes: number;
  pageP50: number;
  readerPageBytes: number;
  readerPageP50: number;
  readerPageAgainP50: number;
  fullTextBytes: number;
  fullTextP50: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms: performance.now() - started, bytes: body.length };
}

export async function benchLargeArticlePage(): Promise<LargePageFigures> {
  const server = await startBenchServer();
  try {
    const { importJats } = await import('@/lib/articles/jats/import-jats');
    const { db } = await import('@/lib/db');
    const source = readCorpus().find((c) => c.name === LARGE_SOURCE)!;
    const xml = repeatBody(source.xml, ARTICLE_BYTES);
    // Imported once; the copies are the same row under other DOIs (this part times pages, not imports).
    const { articleId } = await importJats({ xml: withDoi(xml, 'page'), fileName: 'large.xml' });
    const {
      id: _id,
      doi,
      createdAt: _c,
      updatedAt: _u,
      ...fields
    } = await db.article.findUniqueOrThrow({
      where: { id: articleId },
    });
    const dois = [doi];
    // One more than measured: the first render also warms the server's code paths.
    for (let i = 1; i <= ARTICLES; i += 1) {
      const copy = await db.article.create({
        data: { ...fields, doi: `${doi}.${i}` },
      });
      dois.push(copy.doi);
    }
    // BENCH_CPU_PROF=<folder>: a CPU profile of the server while it renders these pages (written as it exits).
    const profileDir = process.env.BENCH_CPU_PROF;
    if (profileDir) await server.restart({}, ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`]);
    const cookie = await signIn(server.baseUrl, 'subscriber@example.com', 'journal-demo-2026');
    if (!cookie) throw new Error('The seeded subscriber could not sign in.');
    const pages = [];
    const readerPages = [];
    const readerPagesAgain = [];
    const fullTexts = [];
    for (const doi of dois) {
      pages.push(await timed(`${server.baseUrl}/doi/${doi}`));
      readerPages.push(await timed(`${server.baseUrl}/doi/${doi}`, { cookie }));
      readerPagesAgain.push(await timed(`${server.baseUrl}/doi/${doi}`, { cookie }));
      fullTexts.push(
        await timed(`${server.baseUrl}/api/articles/full-text?doi=${encodeURIComponent(doi)}`, { cookie }),
      );
    }
    for (const list of [pages, readerPages, readerPagesAgain, fullTexts]) list.shift();
    // The subscriber's page must carry the text (the shared page only the preview).
    if (readerPages[0]!.bytes < ARTICLE_BYTES / 2) throw new Error('The subscriber page lacks the full text.');
    return {
      articles: ARTICLES,
      jatsBytes: Buffer.byteLength(xml),
      pageBytes: pages[0]!.bytes,
      pageP50: median(pages.map((p) => p.ms)),
      readerPageBytes: readerPages[0]!.bytes,
      readerPageP50: median(readerPages.map((p) => p.ms)),
      readerPageAgainP50: median(readerPagesAgain.map((p) => p.ms)),
      fullTextBytes: fullTexts[0]!.bytes,
      fullTextP50: median(fullTexts.map((p) => p.ms)),
    };
  } finally {
    await server.stop();
    if (process.env.BENCH_CPU_PROF) console.error(`CPU profile of the renders in ${process.env.BENCH_CPU_PROF}`);
  }
}
