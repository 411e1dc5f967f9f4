// The scale-out stack the scale, load and fault tests share: a fresh database on a PostgreSQL
// server (migrated and seeded), the .next-scale build, N instances of scripts/server.mjs and
// nginx in front with deploy/nginx.conf. Everything started here is stopped by `stop()`, which
// also runs on Ctrl-C; processes are killed on any exit of this one.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildRecordingSources, isBuildCurrent } from '../lib/build-freshness';
import { applyMigrations } from '../lib/schema-engine';
import { generateCmeSigningKey } from '../lib/cme-signing-key';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const root = path.resolve(import.meta.dirname, '../..');
const DIST_DIR = '.next-scale';

export type Instance = {
  name: string;
  url: string;
  pid: () => number | undefined;
  /** Starts (or starts again, when it has ended) and waits until it answers. */
  start: () => Promise<void>;
  /** Sends `signal` and waits for the process to end. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export type Stack = { front: string; instances: Instance[]; databaseUrl: string; stop: () => Promise<void> };

export type StackOptions = {
  /** A PostgreSQL server on which a fresh database is created (and dropped on stop). */
  adminUrl: string;
  ports: { nginx: number; instances: number[] };
  /** More environment for the instances, e.g. the Stripe stand-in's settings. */
  env?: Record<string, string>;
  /** Instances' stderr to a log file instead of this terminal (fault tests provoke errors). */
  quiet?: boolean;
  /** Where the instances (only) reach the database, e.g. through a proxy; default: directly. */
  instanceDatabaseUrl?: (databaseUrl: string) => string;
};

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

export async function waitUntilUp(url: string, tries = 240): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const isUp = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (isUp) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

function exited(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const dbName = `journal_scale_${Date.now()}_${randomBytes(2).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(options.adminUrl), { pathname: `/${dbName}` }).toString();
  const front = `http://localhost:${options.ports.nginx}`;
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-stack-'));
  const children = new Set<ChildProcess>();
  let isDatabaseCreated = false;

  const stop = async () => {
    await Promise.all([...children].map((child) => (child.kill('SIGTERM'), exited(child, 5000))));
    if (isDatabaseCreated)
      await adminQuery(options.adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    fs.rmSync(prefix, { recursive: true, force: true });
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Children outlive a parent that dies of an uncaught error: end them on any exit (sync only here).
  process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')));

  const spawnChild = (cmd: string, args: string[], env: Record<string, string>, logName: string) => {
    const stderr = options.quiet ? fs.openSync(path.join(prefix, logName), 'a') : 'inherit';
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', stderr], cwd: root });
    if (typeof stderr === 'number') fs.closeSync(stderr);
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  };

  try {
    await adminQuery(options.adminUrl, `CREATE DATABASE ${dbName}`);
    isDatabaseCreated = true;
    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DIST_DIR,
      SITE_URL: front,
      NEXTAUTH_URL: front,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
      CME_SIGNING_KEY: generateCmeSigningKey(),
      TRUSTED_PROXIES: 'loopback',
      ...options.env,
    };
    // This process imports lib/db too (to set up and check data): same database, same settings.
    Object.assign(process.env, env);
    await applyMigrations(databaseUrl);
    const { seedIfEmpty } = await import('../../prisma/seed/seed-if-empty');
    await seedIfEmpty();
    if (!isBuildCurrent(DIST_DIR)) {
      await buildRecordingSources(
        DIST_DIR,
        (env) =>
          new Promise<number>((resolve, reject) =>
            spawn(process.execPath, [nextBin, 'build'], { env, stdio: 'inherit', cwd: root }).on('exit', (code) =>
              code === 0 ? resolve(0) : reject(new Error('next build failed')),
            ),
          ),
      );
    }

    const instances = options.ports.instances.map((port, i): Instance => {
      let child: ChildProcess | null = null;
      const name = String.fromCharCode(65 + i); // A, B, …
      const url = `http://localhost:${port}`;
      return {
        name,
        url,
        pid: () => child?.pid,
        start: async () => {
          if (child && child.exitCode === null && child.signalCode === null) return; // already running
          const instanceEnv = {
            PORT: String(port),
            DATABASE_URL: options.instanceDatabaseUrl?.(databaseUrl) ?? databaseUrl,
          };
          child = spawnChild(process.execPath, ['scripts/server.mjs'], instanceEnv, `instance-${name}.log`);
          await waitUntilUp(`${url}/`);
        },
        kill: async (signal = 'SIGTERM') => {
          if (!child) return;
          child.kill(signal);
          await exited(child, 5000);
        },
      };
    });
    const conf = fs
      .readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8')
      .replaceAll('{{PREFIX}}', prefix)
      .replaceAll('{{LISTEN}}', `127.0.0.1:${options.ports.nginx}`)
      .replaceAll('{{UPSTREAMS}}', options.ports.instances.map((p) => `server 127.0.0.1:${p};`).join(' '));
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
    spawnChild('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {}, 'nginx.log');
    await Promise.all([...instances.map((instance) => instance.start()), waitUntilUp(`${front}/`)]);
    return { front, instances, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Reads a process's memory high-water mark (VmHWM) in MiB, or null when it has gone. */
export function peakRssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}
