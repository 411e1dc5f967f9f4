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
const RECORD = Buffer.from('<record>');
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
  // Bytes are counted, never decoded: a harvester reads from a socket in another process, so
  // its strings must not count toward the server's memory. Only the tail (the token) is kept.
  let tail = Buffer.alloc(0);
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = Buffer.from(read.value.buffer, read.value.byteOffset, read.value.byteLength);
    bytes += chunk.byteLength;
    // Searched with the previous tail's end, so a tag split between two chunks is counted once.
    const seen = Buffer.concat([tail.subarray(-(RECORD.length - 1)), chunk]);
    for (let at = seen.indexOf(RECORD); at !== -1; at = seen.indexOf(RECORD, at + RECORD.length)) records += 1;
    tail = Buffer.concat([tail, chunk.subarray(-4096)]).subarray(-4096);
  }
  const tailText = tail.toString('utf8');
  const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(tailText)?.[1];
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
