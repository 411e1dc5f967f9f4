// A production server for benchmarks: in-memory embedded database, migrated and seeded, the
// .next-bench build, and scripts/server.mjs on BENCH_PORT.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { buildRecordingSources, isBuildCurrent } from '../lib/build-freshness';
import { applyMigrations } from '../lib/schema-engine';
import { generateCmeSigningKey } from '../lib/cme-signing-key';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const serverScript = new URL('../server.mjs', import.meta.url).pathname;

export type BenchServer = {
  baseUrl: string;
  databaseUrl: string;
  /** Statements the database has run so far (all clients). */
  statements: () => number;
  /** Starts the server again, with more environment and Node flags (e.g. --cpu-prof) when given. */
  restart: (env?: Record<string, string>, nodeArgs?: string[]) => Promise<void>;
  stop: () => Promise<void>;
};

function runToEnd(args: string[], env = process.env) {
  return new Promise<void>((resolve, reject) => {
    spawn(process.execPath, args, { stdio: 'inherit', env }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

async function waitUntilUp(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

export async function startBenchServer(): Promise<BenchServer> {
  const port = Number(process.env.BENCH_PORT ?? 3400);
  const db = await startEmbeddedDatabase({
    dataDir: 'memory://',
    port: Number(process.env.BENCH_DB_PORT ?? 54360),
    countStatements: true,
  });
  const baseUrl = `http://localhost:${port}`;
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-bench',
    SITE_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    CME_SIGNING_KEY: generateCmeSigningKey(),
    PORT: String(port),
    // The bench plays the proxy for the institution-address visitor (X-Forwarded-For from loopback).
    TRUSTED_PROXIES: 'loopback',
  });
  await applyMigrations(db.url);
  const { seedIfEmpty } = await import('../../prisma/seed/seed-if-empty');
  await seedIfEmpty();
  if (!isBuildCurrent('.next-bench'))
    await buildRecordingSources('.next-bench', (env) => runToEnd([nextBin, 'build'], env).then(() => 0));

  let child: ChildProcess | null = null;
  const start = async (extraEnv: Record<string, string> = {}, nodeArgs: string[] = []) => {
    child = spawn(process.execPath, [...nodeArgs, serverScript], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...extraEnv },
    });
    await waitUntilUp(`${baseUrl}/`);
  };
  const stopChild = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  await start();
  return {
    baseUrl,
    databaseUrl: db.url,
    statements: db.statements,
    restart: async (extraEnv, nodeArgs) => {
      await stopChild();
      await start(extraEnv, nodeArgs);
    },
    stop: async () => {
      await stopChild();
      await db.stop();
    },
  };
}
