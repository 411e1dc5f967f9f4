// The embedded database patches private internals of @electric-sql/pglite-socket
// (scripts/lib/keep-batches-whole.ts), pinned to one exact version in package.json. These checks
// fail when another version is installed, when an upgrade moves what the patch replaces (the
// patch then refuses to start), or when the patched server stops doing its work: many
// connections' parameterised statements (extended-protocol batches) interleaved on PGlite's one
// session, each answered with its own result.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '@/scripts/lib/embedded-db';
import { PATCHED_PGLITE_SOCKET_VERSION } from '@/scripts/lib/keep-batches-whole';

const root = path.resolve(import.meta.dirname, '../..');
type PackageJson = { version: string; dependencies: Record<string, string> };
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as PackageJson;

/** 8 connections × 10 statements with 1–4 parameters each, all at once; the wrong answers or errors. */
async function interleave(url: string): Promise<string[]> {
  const clients = Array.from({ length: 8 }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  const problems: string[] = [];
  try {
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < 10; i++) {
          const count = 1 + ((c + i) % 4);
          const params = Array.from({ length: count }, (_, k) => c * 1000 + i * 10 + k);
          const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(' + ')} AS sum`;
          try {
            const { rows } = await client.query<{ sum: number }>(sql, params);
            const expected = params.reduce((a, b) => a + b, 0);
            if (rows[0]?.sum !== expected) problems.push(`${sql}: ${rows[0]?.sum} instead of ${expected}`);
          } catch (error) {
            problems.push((error as Error).message);
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
  return problems;
}

describe('the embedded database’s patch of pglite-socket', () => {
  it('is pinned to the exact version it was written for, and that version is installed', () => {
    const pinned = readJson('package.json').dependencies['@electric-sql/pglite-socket'];
    const installed = readJson('node_modules/@electric-sql/pglite-socket/package.json').version;
    expect(pinned).toBe(PATCHED_PGLITE_SOCKET_VERSION);
    expect(installed).toBe(PATCHED_PGLITE_SOCKET_VERSION);
  });

  it('keeps every connection’s parameterised statements whole on the one session', async () => {
    const database = await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 20 });
    try {
      expect(await interleave(database.url)).toEqual([]);
    } finally {
      await database.stop();
    }
    // A PGlite of its own, started and migrated by nothing else: slow on a busy machine.
  }, 120_000);
});
