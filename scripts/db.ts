// npm run db:migrate            apply pending migrations (DATABASE_URL, or the embedded database)
// npm run db:diff -- --name X   write prisma/migrations/<timestamp>_X from prisma/schema
// npm run db:check              exit 1 when prisma/schema and the migrations disagree
// npm run db:backup -- FILE     back up the database (DATABASE_URL, or the embedded one) to FILE
// npm run db:restore -- FILE    put a backup back; --force replaces a database that has data
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, type DatabaseTarget } from './lib/backup-database';
import { embeddedDataDir } from './lib/embedded-db';
import { loadEnv } from './lib/load-env';
import { restoreDatabase } from './lib/restore-database';
import { applyMigrations, diffSchemaAgainstMigrations, migrationsDir } from './lib/schema-engine';
import { withDatabase } from './lib/with-database';

const USAGE: Record<string, string> = {
  backup: 'Usage: npm run db:backup -- FILE',
  restore: 'Usage: npm run db:restore -- FILE [--force]',
  other: 'Usage: tsx scripts/db.ts migrate | diff --name X | check | backup FILE | restore FILE [--force]',
};

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { name: { type: 'string' }, force: { type: 'boolean', default: false } },
    });
  } catch (error) {
    const problem = /^[^.\n]*/.exec((error as Error).message)?.[0]; // "Unknown option '--forse'"
    throw new Error(
      `${problem}. ${Object.hasOwn(USAGE, process.argv[2] ?? '') ? USAGE[process.argv[2]!] : USAGE.other}`,
    );
  }
}

/** The database the backup commands work on: DATABASE_URL, or the embedded one's folder. */
function databaseTarget(): DatabaseTarget {
  loadEnv();
  const url = process.env.DATABASE_URL;
  return url ? { kind: 'postgres', url } : { kind: 'embedded', dataDir: embeddedDataDir };
}

/** The one FILE argument of backup and restore. */
function fileArgument(command: 'backup' | 'restore', positionals: string[], force: boolean): string {
  const file = positionals[1];
  if (!file || positionals.length > 2 || (force && command === 'backup')) throw new Error(USAGE[command]);
  return file;
}

async function main() {
  const { positionals, values } = readArgs();
  const command = positionals[0];
  if (command === 'migrate') {
    await withDatabase(async (url) => {
      const applied = await applyMigrations(url);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    });
  } else if (command === 'diff') {
    const name = values.name;
    if (!name || !/^[a-z0-9_]+$/.test(name))
      throw new Error('Give a migration name: npm run db:diff -- --name add_things (a-z, 0-9, _).');
    const sql = await diffSchemaAgainstMigrations();
    if (!sql.trim()) return console.log('No changes: prisma/schema matches the migrations.');
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    const lock = path.join(migrationsDir, 'migration_lock.toml');
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, '# Do not edit by hand.\nprovider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } else if (command === 'check') {
    const sql = await diffSchemaAgainstMigrations();
    if (sql.trim()) {
      console.error('prisma/schema and prisma/migrations disagree; run npm run db:diff -- --name <change>:\n' + sql);
      process.exit(1);
    }
    console.log('prisma/schema matches the migrations.');
  } else if (command === 'backup') {
    const file = fileArgument(command, positionals, values.force);
    console.log(await backupDatabase({ target: databaseTarget(), file }));
  } else if (command === 'restore') {
    const file = fileArgument(command, positionals, values.force);
    console.log(await restoreDatabase({ target: databaseTarget(), file, force: values.force }));
  } else {
    throw new Error(USAGE.other);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
