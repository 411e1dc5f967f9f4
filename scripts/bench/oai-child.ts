// Run by oai.ts in a process of its own: harvests every record of the database at DATABASE_URL
// (served by the parent) as ListRecords in JATS, reading each response as a stream (as a
// harvester's socket would) without keeping it, and prints time, bytes, records and its peak
// resident memory (VmHWM) as JSON, with the peak before the harvest began. "paged": the repository's page size, following resumption
// tokens; "single": every record in one response.
import fs from 'node:fs';

export type OaiHarvestFigures = {
  mode: string;
  records: number;
  responses: number;
  bytes: number;
  ms: number;
  peakMb: number;
  /** Peak after the modules load, and after one 5-record page (the query engine loaded). */
  baselineMb: number;
  warmMb: number;
};

const mode = process.argv[2];
if ((mode !== 'paged' && mode !== 'single') || !process.env.DATABASE_URL) {
  throw new Error('usage: DATABASE_URL=… oai-child.ts paged|single');
}
const { answerOaiRequest } = await import('@/lib/oai/oai-response');
const { db } = await import('@/lib/db');
const peak = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
const baselineMb = peak();
// One small page first: the database client and its query engine load on the first query, a
// cost of any process that serves the site, not of the harvest's length.
await (
  await answerOaiRequest(
    [
      ['verb', 'ListRecords'],
      ['metadataPrefix', 'jats'],
    ],
    { pageSize: 5 },
  )
).text();
const warmMb = peak();
const decoder = new TextDecoder();
const started = performance.now();
let args: [string, string][] = [
  ['verb', 'ListRecords'],
  ['metadataPrefix', 'jats'],
];
let records = 0;
let responses = 0;
let bytes = 0;
for (;;) {
  const response = await answerOaiRequest(args, mode === 'single' ? { pageSize: 1_000_000 } : {});
  responses += 1;
  // Only the tail is kept: the resumption token is at the end of the response.
  let tail = '';
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    bytes += chunk.byteLength;
    const text = decoder.decode(chunk, { stream: true });
    records += text.split('<record>').length - 1;
    tail = (tail + text).slice(-4096);
  }
  const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(tail)?.[1];
  if (!token) break;
  args = [
    ['verb', 'ListRecords'],
    ['resumptionToken', token],
  ];
}
const figures: OaiHarvestFigures = {
  mode,
  records,
  responses,
  bytes,
  ms: performance.now() - started,
  peakMb: peak(),
  baselineMb,
  warmMb,
};
console.log(JSON.stringify(figures));
await db.$disconnect();
process.exit(0);
