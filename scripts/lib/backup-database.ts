// npm run db:backup -- FILE: PostgreSQL (DATABASE_URL) through pg_dump's custom format, which
// runs while the site serves; the embedded database as PGlite's own dump of its data folder
// (dumpDataDir, a .tar.gz), which needs the folder to itself: npm start must be stopped.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { countContents, describeContents, describeSize, type Contents, type RunQuery } from './database-contents';
import { lockDataDir } from './embedded-db';
import { describeDatabase, runPgTool } from './pg-tools';

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

export const pgliteQuery =
  (db: PGlite): RunQuery =>
  async <Row>(sql: string) =>
    (await db.query<Row>(sql)).rows;

export async function postgresContents(url: string): Promise<Contents> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await countContents(async <Row>(sql: string) => (await client.query(sql)).rows as Row[]);
  } finally {
    await client.end();
  }
}

export function relativePath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Writes a backup of `target` to `file` (whole, or not at all) and says what it wrote. */
export async function backupDatabase(options: { target: DatabaseTarget; file: string }): Promise<string> {
  const file = path.resolve(options.file);
  if (!fs.existsSync(path.dirname(file))) throw new Error(`Cannot write ${options.file}: its folder does not exist.`);
  const existed = fs.existsSync(file);
  const partial = `${file}.partial`;
  try {
    const { target } = options;
    let what: string;
    let contents: Contents;
    if (target.kind === 'postgres') {
      await runPgTool('pg_dump', target.url, ['--format=custom', `--file=${partial}`]);
      contents = await postgresContents(target.url);
      what = describeDatabase(target.url);
    } else {
      if (!fs.existsSync(path.join(target.dataDir, 'PG_VERSION')))
        throw new Error(`There is no embedded database in ${relativePath(target.dataDir)} to back up.`);
      const unlock = lockDataDir(target.dataDir);
      try {
        const db = await PGlite.create({ dataDir: target.dataDir });
        try {
          contents = await countContents(pgliteQuery(db));
          const dump = await db.dumpDataDir('gzip');
          fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
        } finally {
          await db.close();
        }
      } finally {
        unlock();
      }
      what = `the embedded database in ${relativePath(target.dataDir)}`;
    }
    fs.renameSync(partial, file);
    return (
      `Backed up ${what} (${describeContents(contents)}) to ${options.file}, ${describeSize(file)}` +
      (existed ? ' (it replaced the file that was there).' : '.')
    );
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
