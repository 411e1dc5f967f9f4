// A throw-away PostgreSQL cluster of our own (initdb + pg_ctl in a temp dir, trust auth, loopback
// only) for tests that stop and start the database: the machine's shared PostgreSQL on 5432 is
// never touched. PostgreSQL refuses to run as root, so as root the tools run as `postgres`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type PrivatePostgres = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  /** Stops the server ('fast' ends sessions cleanly, 'immediate' is a crash), keeping the data. */
  stopServer: (mode?: 'fast' | 'immediate') => void;
  startServer: () => void;
  /** Stops the server and deletes the cluster. Safe to call more than once. */
  destroy: () => void;
};

function findBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const version = versions.find((v) => fs.existsSync(path.join(base, v, 'bin/pg_ctl')));
  if (!version) throw new Error('No PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql).');
  return path.join(base, version, 'bin');
}

export function startPrivatePostgres(port: number): PrivatePostgres {
  const bin = findBinDir();
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-pg-'));
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = isRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  // Its own socket dir, so it cannot collide with the shared cluster's /var/run/postgresql.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
  let isRunning = false;
  const startServer = () => {
    run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-o', serverOptions, '-w', 'start']);
    isRunning = true;
  };
  const stopServer = (mode: 'fast' | 'immediate' = 'fast') => {
    run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
    isRunning = false;
  };
  let isDestroyed = false;
  const destroy = () => {
    if (isDestroyed) return;
    isDestroyed = true;
    if (isRunning) {
      try {
        stopServer('immediate');
      } catch {
        // already gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  startServer();
  process.once('exit', destroy); // also when this process dies of an uncaught error
  return { adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`, stopServer, startServer, destroy };
}
