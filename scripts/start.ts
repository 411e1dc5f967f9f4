// npm start: database (DATABASE_URL, or the embedded PGlite server), migrations (ours and the
// job queue's), the sample journal when the database is empty, a production build when the
// sources changed, then the server: scripts/server.mjs (Next's request handler behind our
// micro-cache and request guard, with the job workers), not `next start`. Ctrl-C stops
// everything this started.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseEnv } from '../lib/env-schema';
import { embeddedDataDir, startEmbeddedDatabase, type EmbeddedDatabase } from './lib/embedded-db';
import { buildRecordingSources, isBuildCurrent } from './lib/build-freshness';
import { loadEnv } from './lib/load-env';
import { ensureSessionSecret } from './lib/session-secret';
import { ensureCmeSigningKey } from './lib/cme-signing-key';
import { ensureSamlSpKeyPair } from './lib/saml-sp-key';
import { applyMigrations } from './lib/schema-engine';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const serverScript = new URL('./server.mjs', import.meta.url).pathname;
let embedded: EmbeddedDatabase | null = null;
let server: ChildProcess | null = null;
let stopping = false;

function run(command: string, args: string[], env = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    server = child;
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} ended with ${signal ?? code}`)),
    );
  });
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // The server finishes its running jobs and requests before the embedded database goes away.
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 11_000))]);
  }
  await embedded?.stop().catch(() => {});
  process.exit(code);
}

async function main() {
  loadEnv();
  // No telemetry: our machines have no route out, and a journal's server should not phone home.
  Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
  const env = parseEnv(process.env);
  ensureSessionSecret(env.SITE_URL);
  ensureCmeSigningKey();
  await ensureSamlSpKeyPair();

  if (!env.DATABASE_URL) {
    // The embedded database is the one-machine demo: its test payments are on (the server warns).
    // A deployment on PostgreSQL keeps them off unless its own settings say otherwise.
    process.env.UNSAFE_TEST_PAYMENTS_IN_PRODUCTION ??= 'true';
    embedded = await startEmbeddedDatabase({ dataDir: embeddedDataDir, port: env.EMBEDDED_DB_PORT });
    process.env.DATABASE_URL = embedded.url;
    // Its port changes between starts: the usage spool (lib/usage/usage-spool.ts) stays beside its data.
    process.env.USAGE_SPOOL_DIR ??= '.data/usage-spool/embedded';
    console.log(`Embedded database (PGlite, data in .data/) on ${new URL(embedded.url).host}`);
  }
  const url = process.env.DATABASE_URL!;

  const applied = await applyMigrations(url);
  console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date.');

  // Imported after DATABASE_URL is known: lib/env reads the settings once, when first loaded.
  const { seedIfEmpty } = await import('../prisma/seed/seed-if-empty');
  await seedIfEmpty();

  if (!isBuildCurrent()) {
    // next build skips its own type check (next.config.js: `npm test` runs tsc once); a tree that
    // does not type-check is not built or served.
    console.log('Checking types (tsc)…');
    await run(process.execPath, [tscBin, '--noEmit']).catch(() => {
      throw new Error(
        'The sources do not type-check (see above, or run npm run typecheck): nothing was built or served.',
      );
    });
    console.log('Building the site (next build)…');
    await buildRecordingSources(process.env.NEXT_DIST_DIR ?? '.next', (buildEnv) =>
      run(process.execPath, [nextBin, 'build'], buildEnv).then(() => 0),
    );
  }
  console.log(`Serving on http://localhost:${env.PORT}`);
  process.env.PORT = String(env.PORT);
  await run(process.execPath, [serverScript]);
}

process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));
main().then(
  () => stop(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    void stop(1);
  },
);
