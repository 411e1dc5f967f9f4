// npm run db:migrate            apply pending migrations (DATABASE_URL, or the embedded database)
// npm run db:diff -- --name X   write prisma/migrations/<timestamp>_X from prisma/schema
// npm run db:check              exit 1 when prisma/schema and the migrations disagree
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations, diffSchemaAgainstMigrations, migrationsDir } from './lib/schema-engine';
import { withDatabase } from './lib/with-database';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' } } });
const command = positionals[0];

async function main() {
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
  } else {
    throw new Error('Usage: tsx scripts/db.ts migrate | diff --name X | check');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
