// What a database holds, for backup and restore to report and to tell an empty database from one
// with data: its tables in the public schema and their rows (the migrations table aside).
import fs from 'node:fs';

/** Runs one SQL statement and returns its rows (pg's client or PGlite). */
export type RunQuery = <Row>(sql: string) => Promise<Row[]>;

export type Contents = { tables: number; rows: number };

export async function countContents(query: RunQuery): Promise<Contents> {
  const tables = await query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  let rows = 0;
  for (const { name } of tables) {
    const [count] = await query<{ n: string | number }>(`SELECT count(*) AS n FROM "public"."${name}"`);
    rows += Number(count?.n ?? 0);
  }
  return { tables: tables.length, rows };
}

export function describeContents({ tables, rows }: Contents): string {
  return `${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'} in ${tables} table${tables === 1 ? '' : 's'}`;
}

export function describeSize(file: string): string {
  const bytes = fs.statSync(file).size;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What a backup file holds, from its first bytes. */
export function backupKind(file: string): 'pg_dump' | 'pglite' | 'unknown' {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump'; // pg_dump's custom format
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite'; // PGlite's gzipped data folder
  return 'unknown';
}
