// pg_dump and pg_restore, run against a DATABASE_URL: the password goes in the environment (not
// on a command line others can read), and a missing or too old tool is a clear one-line error.
import { spawn } from 'node:child_process';
import pg from 'pg';

export type PgTool = 'pg_dump' | 'pg_restore';

/** The URL without its password, and the environment that carries it. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env };
}

/** Where the database is, for messages: "journal on db.example.org:5432". */
export function describeDatabase(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `the PostgreSQL database ${decodeURIComponent(pathname.slice(1)) || 'postgres'} on ${hostname}:${port || 5432}`;
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${tool} is not installed: install PostgreSQL's client tools (apt-get install postgresql-client), the server's major version or newer.`
            : `${tool} could not start: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve(out);
      const detail = err.trim().split('\n').slice(-3).join(' ').replace(/\s+/g, ' ');
      reject(new Error(`${tool} failed: ${detail || `exit code ${code}`}`));
    });
  });
}

async function majorVersions(tool: PgTool, url: string): Promise<{ tool: number; server: number }> {
  const version = await run(tool, ['--version']); // "pg_dump (PostgreSQL) 15.20 (Debian …)"
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return {
      tool: Number(/\)\s+(\d+)/.exec(version)?.[1] ?? 0),
      server: Math.floor(Number(rows[0]?.server_version_num) / 10_000),
    };
  } finally {
    await client.end();
  }
}

/** Runs `tool` with `args` on the database at `url`, after checking it can read that server. */
export async function runPgTool(tool: PgTool, url: string, args: string[]): Promise<void> {
  const versions = await majorVersions(tool, url);
  if (versions.tool < versions.server)
    throw new Error(
      `${tool} ${versions.tool} is older than the PostgreSQL ${versions.server} server: install the client tools of version ${versions.server} or newer (apt-get install postgresql-client-${versions.server}).`,
    );
  const { dbname, env } = connection(url);
  await run(tool, [...args, `--dbname=${dbname}`], env);
}
