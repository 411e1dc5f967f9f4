import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { isProcessAlive } from '@/lib/is-process-alive';

// COUNTER events wait here, on disk, between the page view and the database: a line is appended
// (one write(2), a few microseconds) before recordUsage returns, so a process killed at any moment
// (kill -9, out of memory) leaves its events in a file the kernel already holds, and whichever
// instance starts or flushes next writes them. One file ("segment") per flush: sealed, written to
// the database in one transaction that also records its name (so a file written but not yet
// deleted is never counted twice), then deleted. Only a crash of the whole machine within the
// kernel's write-back delay (about 30 s, no fsync) could lose lines.

export type Segment = { name: string; file: string };

type SpoolState = { dir: string | null; fd: number | null; name: string | null; seq: number; lines: number };

// Our files are "<pid>-<token>-<seq>.jsonl"; the token tells this process from an earlier one
// that had the same pid (a restarted container).
const TOKEN = randomBytes(4).toString('hex');
const OWN_PREFIX = `${process.pid}-${TOKEN}-`;
const SEGMENT = /^(\d+)-([0-9a-f]+)-\d+\.jsonl$/;
// On globalThis: Next loads this module once per bundle, and one process must write one file at a time.
const KEY = Symbol.for('journal.usageSpool');
const store = globalThis as { [KEY]?: SpoolState };
const state: SpoolState = (store[KEY] ??= { dir: null, fd: null, name: null, seq: 0, lines: 0 });

let warned = false;

/**
 * The spool directory, created when first needed: USAGE_SPOOL_DIR, else one folder per database
 * under .data/usage-spool (a dev server's leftovers must not land in the e2e database).
 */
export function usageSpoolDir(): string {
  if (state.dir) return state.dir;
  const database = createHash('sha256')
    .update(env.DATABASE_URL ?? '')
    .digest('hex')
    .slice(0, 12);
  const dir = path.resolve(env.USAGE_SPOOL_DIR || path.join('.data', 'usage-spool', database));
  fs.mkdirSync(dir, { recursive: true });
  return (state.dir = dir);
}

/** Appends one event (a JSON line) to this process's open segment; returns the lines it holds. Never throws. */
export function appendToSpool(row: object): number {
  try {
    if (state.fd === null) {
      state.name = `${OWN_PREFIX}${++state.seq}.jsonl`;
      state.fd = fs.openSync(path.join(usageSpoolDir(), state.name), 'a');
      state.lines = 0;
    }
    fs.writeSync(state.fd, JSON.stringify(row) + '\n');
    return ++state.lines;
  } catch (error) {
    if (!warned) console.error(`[usage] cannot write the usage spool; events are lost: ${(error as Error).message}`);
    warned = true;
    return 0;
  }
}

/** Closes the open segment, so the next event starts another; what is sealed can be written. */
export function sealSpoolSegment(): void {
  if (state.fd === null) return;
  fs.closeSync(state.fd);
  state.fd = null;
  state.name = null;
}

/**
 * Sealed segments waiting for the database: this process's own, and (withOrphans) those of
 * processes that are gone (killed, or stopped before their last write), oldest first.
 */
export function listSealedSegments({ withOrphans }: { withOrphans: boolean }): Segment[] {
  let names: string[];
  try {
    names = fs.readdirSync(usageSpoolDir());
  } catch {
    return [];
  }
  const picked = names.filter((name) => {
    const match = SEGMENT.exec(name);
    if (!match || name === state.name) return false;
    if (name.startsWith(OWN_PREFIX)) return true;
    return withOrphans && (Number(match[1]) === process.pid || !isProcessAlive(Number(match[1])));
  });
  const dir = usageSpoolDir();
  return picked
    .map((name) => ({ name, file: path.join(dir, name), at: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => a.at - b.at)
    .map(({ name, file }) => ({ name, file }));
}

/** The events of a segment; a line cut short by a kill in the middle of its write is skipped. */
export function readSegment<T>(segment: Segment): T[] {
  const rows: T[] = [];
  for (const line of fs.readFileSync(segment.file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      console.warn(`[usage] skipped a cut-off line in ${segment.name}`);
    }
  }
  return rows;
}

export function removeSegment(segment: Segment): void {
  fs.rmSync(segment.file, { force: true });
}

/** Events in this process's open segment (not sealed yet). */
export function countOpenSpoolLines(): number {
  return state.fd === null ? 0 : state.lines;
}
