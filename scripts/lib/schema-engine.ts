// Prisma's own schema engine, compiled to WASM, driven through a driver adapter. It does what
// `prisma migrate deploy` and `prisma migrate diff` do (same _prisma_migrations table and
// checksums) without the native engine binary, which cannot be downloaded on our machines.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { migrateJobQueue } from '../../lib/jobs/migrate-job-queue';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
export const schemaDir = path.join(root, 'prisma/schema');
export const migrationsDir = path.join(root, 'prisma/migrations');
const filters = { externalTables: [], externalEnums: [] };

let wasmReady = false;
function loadWasm() {
  if (wasmReady) return;
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start?: () => void };
  bg.__wbg_set_wasm(exports);
  exports.__wbindgen_start?.();
  wasmReady = true;
}

export function readSchemaFiles(): { path: string; content: string }[] {
  return fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.prisma'))
    .sort()
    .map((f) => ({ path: path.join(schemaDir, f), content: fs.readFileSync(path.join(schemaDir, f), 'utf8') }));
}

export function readMigrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, 'migration.sql')))
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

async function withEngine<T>(adapter: WholeScriptPg | PrismaPGlite, fn: (engine: Engine) => Promise<T>): Promise<T> {
  loadWasm();
  const datamodels = readSchemaFiles().map((f): [string, string] => [f.path, f.content]);
  const factory = bindMigrationAwareSqlAdapterFactory(adapter);
  const engine = await bg.SchemaEngine.new({ datamodels }, () => {}, factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/**
 * PrismaPg runs a migration script by splitting it at every ";", which breaks function bodies
 * (`$$ … ; … $$`, the search triggers) and comments. PostgreSQL's simple query protocol takes the
 * whole script in one message, as psql and the native engine send it (one implicit transaction).
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as { query: (text: string) => Promise<unknown> };
    const mapError = adapter as unknown as { onError: (error: unknown) => never };
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        mapError.onError(error);
      }
    };
    return adapter;
  }
}

/**
 * Applies pending migrations to the database at `databaseUrl`, then the job queue's own (its
 * graphile_worker schema, beside ours); returns the names of ours applied.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const adapter = new WholeScriptPg({ connectionString: databaseUrl, max: 2 });
  const applied = await withEngine(adapter, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters });
    return result.appliedMigrationNames;
  });
  await migrateJobQueue(databaseUrl);
  return applied;
}

/**
 * SQL that takes the database built by the migrations to the schema in prisma/schema, or ''
 * when they agree. Runs on an in-memory PGlite (the engine replays the migrations into a shadow
 * database), so it needs no server.
 */
export async function diffSchemaAgainstMigrations(): Promise<string> {
  const pglite = new PGlite();
  try {
    return await withEngine(new PrismaPGlite(pglite), async (engine) => {
      const list = readMigrationsList();
      const from = list.migrationDirectories.length
        ? { tag: 'migrations' as const, ...list }
        : { tag: 'empty' as const };
      const result = await engine.diff({
        from,
        to: { tag: 'schemaDatamodel', files: readSchemaFiles() },
        script: true,
        exitCode: true,
        filters,
      });
      if (result.exitCode !== 2) return '';
      return result.stdout ?? '';
    });
  } finally {
    await pglite.close();
  }
}
