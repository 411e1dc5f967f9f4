// npm run db:restore -- FILE [--force]: puts back what db:backup wrote. PostgreSQL: pg_restore in
// one transaction (all of it or nothing), replacing the objects the backup holds. Embedded: the
// backup is unpacked into a new folder beside .data/pglite, which then takes its place; the old
// folder is kept beside it when it had data. A database with data is only replaced with --force.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { backupKind, countContents, describeContents, type Contents } from './database-contents';
import { lockDataDir } from './embedded-db';
import { describeDatabase, runPgTool } from './pg-tools';
import { pgliteQuery, postgresContents, relativePath, type DatabaseTarget } from './backup-database';

/** What the data folder holds; null when there is none (or it is empty). */
async function embeddedContents(dataDir: string): Promise<Contents | null> {
  if (!fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0) return null;
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new Error(`${relativePath(dataDir)} is not a database folder: nothing was changed.`);
  const db = await PGlite.create({ dataDir });
  try {
    return await countContents(pgliteQuery(db));
  } finally {
    await db.close();
  }
}

function refuseToReplace(what: string, contents: Contents | null, force: boolean) {
  if (contents && contents.rows > 0 && !force)
    throw new Error(
      `${what} is not empty (${describeContents(contents)}): nothing was changed. Add --force to replace it with the backup.`,
    );
}

async function restoreEmbedded(dataDir: string, file: string, force: boolean): Promise<string> {
  const where = relativePath(dataDir);
  const unlock = lockDataDir(dataDir);
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const incoming = `${dataDir}.restoring-${stamp}`;
  try {
    const before = await embeddedContents(dataDir);
    refuseToReplace(`The embedded database in ${where}`, before, force);
    fs.rmSync(incoming, { recursive: true, force: true });
    const db = await PGlite.create({ dataDir: incoming, loadDataDir: new Blob([fs.readFileSync(file)]) });
    let after: Contents;
    try {
      after = await countContents(pgliteQuery(db));
    } finally {
      await db.close();
    }
    let kept = '';
    if (fs.existsSync(dataDir)) {
      if (before && before.rows > 0) {
        const old = `${dataDir}.before-restore-${stamp}`;
        fs.renameSync(dataDir, old);
        kept = ` The data it replaced (${describeContents(before)}) is in ${relativePath(old)}; delete that folder when you no longer need it.`;
      } else {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    fs.renameSync(incoming, dataDir);
    return `Restored the embedded database in ${where} from ${path.basename(file)} (${describeContents(after)}).${kept}`;
  } finally {
    fs.rmSync(incoming, { recursive: true, force: true });
    unlock();
  }
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<string> {
  const what = describeDatabase(url);
  const before = await postgresContents(url);
  refuseToReplace(what.charAt(0).toUpperCase() + what.slice(1), before, force);
  await runPgTool('pg_restore', url, [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-acl',
    '--single-transaction',
    '--exit-on-error',
    file,
  ]);
  const after = await postgresContents(url);
  const replaced = before.rows > 0 ? `, replacing ${describeContents(before)}` : '';
  return `Restored ${what} from ${path.basename(file)} (${describeContents(after)}${replaced}).`;
}

/** Replaces the database `target` with the backup in `file`; says what it did. */
export async function restoreDatabase(options: {
  target: DatabaseTarget;
  file: string;
  force?: boolean;
}): Promise<string> {
  const { target, force = false } = options;
  const file = path.resolve(options.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`No such backup file: ${options.file}`);
  const kind = backupKind(file);
  const expected = target.kind === 'postgres' ? 'pg_dump' : 'pglite';
  if (kind === 'unknown') throw new Error(`${options.file} is not a backup written by npm run db:backup.`);
  if (kind !== expected)
    throw new Error(
      kind === 'pg_dump'
        ? `${options.file} is a PostgreSQL backup (pg_dump): set DATABASE_URL to restore it into PostgreSQL.`
        : `${options.file} is a backup of the embedded database: unset DATABASE_URL to restore it there.`,
    );
  return target.kind === 'postgres'
    ? restorePostgres(target.url, file, force)
    : restoreEmbedded(target.dataDir, file, force);
}
