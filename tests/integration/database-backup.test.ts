import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { backupDatabase } from '../../scripts/lib/backup-database';
import { startEmbeddedDatabase } from '../../scripts/lib/embedded-db';
import { restoreDatabase } from '../../scripts/lib/restore-database';

// npm run db:backup / db:restore: the sample journal (prisma/seed) plus rows written afterwards,
// backed up, the database wiped, restored: every row of every table comes back as it was. The
// embedded database in a temporary data folder always; PostgreSQL (pg_dump) in a fresh database
// on TEST_DATABASE_URL's server when the suite runs on PostgreSQL (CI).
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Migrates and seeds the database at `url` the way `npm run db:seed` does, in its own process (not
 * waited on synchronously: the embedded database answers from this one).
 */
async function seed(url: string) {
  const { stderr } = await promisify(execFile)(tsx, ['--conditions=react-server', 'scripts/seed.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  });
  expect(stderr).toBe('');
}

/** Writes rows after the seed: odd text, an update, a delete. */
async function writeRows(url: string) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await client.user.create({
      data: { email: 'zoe@example.com', name: "Zoë O'Brien — 皮肤科 🧪", passwordHash: 'x' },
    });
    await client.user.update({ where: { email: 'reader@example.com' }, data: { name: 'Renamed Reader' } });
    await client.journal.updateMany({ data: { title: 'Archives of Dermatology (restored?)' } });
  } finally {
    await client.$disconnect();
  }
}

/** Every table's rows in primary-key order, as JSON text. */
async function dumpRows(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const dump: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const keys = await client.query<{ column: string }>(
        `SELECT a.attname AS column FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
         WHERE i.indrelid = $1::regclass AND i.indisprimary
         ORDER BY array_position(i.indkey::int2[], a.attnum)`,
        [`"public"."${name}"`],
      );
      const orderBy = keys.rows.length ? keys.rows.map((k) => `t."${k.column}"`).join(', ') : 't::text';
      const rows = await client.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM "public"."${name}" t ORDER BY ${orderBy}`,
      );
      dump[name] = rows.rows.map((r) => r.row);
    }
    return dump;
  } finally {
    await client.end();
  }
}

function expectSeededAndWritten(dump: Record<string, string[]>) {
  expect(Object.keys(dump).length).toBeGreaterThan(10);
  expect(dump._prisma_migrations?.length).toBeGreaterThan(0);
  expect(dump.Article?.length).toBeGreaterThan(0);
  expect(dump.User?.some((row) => row.includes('皮肤科 🧪'))).toBe(true);
}

const adminUrl = process.env.TEST_DATABASE_URL;

// One of the two per run: the suite on the embedded database, or again on PostgreSQL (CI).
describe.skipIf(adminUrl)('backup and restore of the embedded database', () => {
  const dataDir = path.join(dir, 'pglite');
  const file = path.join(dir, 'embedded.tar.gz');

  /** Runs `fn` with the embedded database on `dataDir` started, then stops it. */
  async function withEmbedded<T>(fn: (url: string) => Promise<T>): Promise<T> {
    const embedded = await startEmbeddedDatabase({ dataDir });
    try {
      return await fn(embedded.url);
    } finally {
      await embedded.stop();
    }
  }

  it('puts back every row of every table', async () => {
    const before = await withEmbedded(async (url) => {
      await seed(url);
      await writeRows(url);
      return dumpRows(url);
    });
    expectSeededAndWritten(before);

    const backedUp = await backupDatabase({ target: { kind: 'embedded', dataDir }, file });
    expect(backedUp).toMatch(
      /^Backed up the embedded database in .* \([\d,]+ rows in \d+ tables\) to .*embedded\.tar\.gz, /,
    );

    fs.rmSync(dataDir, { recursive: true });
    const restored = await restoreDatabase({ target: { kind: 'embedded', dataDir }, file });
    expect(restored).toMatch(
      /^Restored the embedded database in .* from embedded\.tar\.gz \([\d,]+ rows in \d+ tables\)\.$/,
    );
    expect(await withEmbedded(dumpRows)).toEqual(before);
  }, 300_000);

  it('refuses to replace data without --force, or while the database is running', async () => {
    const target = { kind: 'embedded', dataDir } as const;
    await expect(restoreDatabase({ target, file })).rejects.toThrow(
      /is not empty \(.*\): nothing was changed\. Add --force/,
    );
    const pgDump = path.join(dir, 'from-postgres.dump');
    fs.writeFileSync(pgDump, 'PGDMP…');
    await expect(restoreDatabase({ target, file: pgDump, force: true })).rejects.toThrow(
      /set DATABASE_URL to restore it/,
    );

    const running = await startEmbeddedDatabase({ dataDir });
    try {
      await expect(restoreDatabase({ target, file, force: true })).rejects.toThrow(/is in use by process \d+/);
      await expect(backupDatabase({ target, file: path.join(dir, 'other.tar.gz') })).rejects.toThrow(/in use/);
    } finally {
      await running.stop();
    }

    const replaced = await restoreDatabase({ target, file, force: true });
    expect(replaced).toMatch(/The data it replaced \(.*\) is in .*pglite\.before-restore-\d+; delete that folder/);
  }, 120_000);
});

describe.runIf(adminUrl)('backup and restore of a PostgreSQL database (pg_dump)', () => {
  const name = `journal_backup_${Date.now()}_${randomBytes(2).toString('hex')}`;
  const url = adminUrl ? Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString() : '';
  const file = path.join(dir, 'postgres.dump');
  const admin = async (sql: string, on = adminUrl!) => {
    const client = new pg.Client({ connectionString: on });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  afterAll(async () => {
    if (adminUrl) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('puts back every row of every table, and replaces data only with --force', async () => {
    await admin(`CREATE DATABASE ${name}`);
    await seed(url);
    await writeRows(url);
    const before = await dumpRows(url);
    expectSeededAndWritten(before);

    const target = { kind: 'postgres', url } as const;
    expect(await backupDatabase({ target, file })).toMatch(
      new RegExp(`^Backed up the PostgreSQL database ${name} on .* \\([\\d,]+ rows in \\d+ tables\\) to `),
    );
    await expect(restoreDatabase({ target, file })).rejects.toThrow(/is not empty .* Add --force/);

    await admin('DROP SCHEMA public CASCADE; CREATE SCHEMA public', url);
    expect(await restoreDatabase({ target, file })).toMatch(/^Restored the PostgreSQL database .* from postgres\.dump/);
    expect(await dumpRows(url)).toEqual(before);

    await writeRows(url).catch(() => {}); // the e-mail is taken now: only the updates apply
    await admin(`DELETE FROM "Comment"; UPDATE "User" SET name = 'Changed since'`, url);
    expect(await restoreDatabase({ target, file, force: true })).toMatch(/, replacing [\d,]+ rows in \d+ tables\)\.$/);
    expect(await dumpRows(url)).toEqual(before);
  }, 300_000);
});

it('npm run db:backup / db:restore answer bad arguments and wrong files with one line', () => {
  const notABackup = path.join(dir, 'notes.txt');
  fs.writeFileSync(notABackup, 'hello');
  const run = (...args: string[]) => spawnSync(tsx, ['scripts/db.ts', ...args], { cwd: root, encoding: 'utf8' });
  for (const [args, message] of [
    [['restore'], 'Usage: npm run db:restore -- FILE [--force]\n'],
    [['backup', 'a', 'b'], 'Usage: npm run db:backup -- FILE\n'],
    [['restore', 'x', '--forse'], "Unknown option '--forse'. Usage: npm run db:restore -- FILE [--force]\n"],
    [['restore', path.join(dir, 'missing.dump')], `No such backup file: ${path.join(dir, 'missing.dump')}\n`],
    [['restore', notABackup], `${notABackup} is not a backup written by npm run db:backup.\n`],
  ] as const) {
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(message);
  }
}, 60_000);
