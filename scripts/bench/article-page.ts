// npm run bench – the anonymous article page against a static file of the same size served
// from public/, both by the production server, with autocannon (50 connections, 20 s each).
// Prints req/s, p50/p99 latency and the ratio article/static.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { startBenchServer, type BenchServer } from './bench-server';

const SEED_PATH = '/doi/10.1001/archdermatol.2011.3156';
const STATIC_NAME = 'bench-static.html';
const staticFile = path.resolve(import.meta.dirname, '../../public', STATIC_NAME);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_SECONDS ?? 20);

type Row = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; bytes: number };

async function measure(baseUrl: string, name: string, urlPath: string): Promise<Row> {
  const result = await autocannon({ url: baseUrl + urlPath, connections, duration });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
  };
}

async function main() {
  let server: BenchServer | null = await startBenchServer();
  const html = await (await fetch(server.baseUrl + SEED_PATH)).text();
  // A static file of the article page's size; public/ is read when the server starts, so restart.
  fs.writeFileSync(staticFile, html);
  await server.restart();
  try {
    // Warm both paths so the first seconds are not compilation or cold caches.
    await autocannon({ url: server.baseUrl + SEED_PATH, connections: 5, amount: 200 });
    await autocannon({ url: `${server.baseUrl}/${STATIC_NAME}`, connections: 5, amount: 200 });
    const rows = [await measure(server.baseUrl, 'static file (public/)', `/${STATIC_NAME}`)];
    await sleep(1000);
    rows.push(await measure(server.baseUrl, 'article page, anonymous', SEED_PATH));
    // The same page with our micro-cache off: what Next's own prerender cache gives.
    await server.restart({ MICRO_CACHE_MS: '0' });
    await autocannon({ url: server.baseUrl + SEED_PATH, connections: 5, amount: 200 });
    rows.push(await measure(server.baseUrl, 'article page, anonymous, micro-cache off', SEED_PATH));
    const base = rows[0]!.rps;
    console.log(
      `\n${connections} connections, ${duration} s each, page ${html.length} bytes, ${new Date().toISOString()}`,
    );
    console.log('| what | req/s | p50 ms | p99 ms | errors | non-2xx | ratio to static |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${(r.rps / base).toFixed(2)} |`,
      );
    }
  } finally {
    fs.rmSync(staticFile, { force: true });
    await server.stop();
    server = null;
  }
}

main().catch((error: unknown) => {
  fs.rmSync(staticFile, { force: true });
  console.error(error);
  process.exit(1);
});
