// Run by import.ts in a process of its own: imports one large JATS file into the database at
// DATABASE_URL (served by the parent) and prints its peak resident memory (VmHWM) and time as JSON.
import fs from 'node:fs';

const file = process.argv[2];
if (!file || !process.env.DATABASE_URL) throw new Error('usage: DATABASE_URL=… import-large-child.ts file.xml');
const { importJats } = await import('@/lib/articles/jats/import-jats');
const { db } = await import('@/lib/db');
const peak = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
const before = peak();
const xml = fs.readFileSync(file);
const started = performance.now();
let error: string | null = null;
try {
  await importJats({ xml, fileName: 'large.xml' });
} catch (e) {
  // Reported with the figures: the memory peak still counts, and the table says it failed.
  error = (e instanceof Error ? e.message : String(e)).split('\n').filter(Boolean).at(-1) ?? 'failed';
}
const ms = performance.now() - started;
console.log(JSON.stringify({ bytes: xml.length, ms, peakMb: peak(), baselineMb: before, error }));
await db.$disconnect();
process.exit(0);
