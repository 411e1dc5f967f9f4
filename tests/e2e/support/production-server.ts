// A second instance of the e2e suite's build, started as a real deployment would start it
// (NODE_ENV=production, our server), with settings a test chooses. It shares the suite's database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { e2eSettings } from '../settings';
import { generateCmeSigningKey } from '../../../scripts/lib/cme-signing-key';

const root = path.resolve(import.meta.dirname, '../../..');

export type ProductionServer = { url: string; output: () => string; stop: () => Promise<void> };
export type FailedStart = { exitCode: number | null; output: string };

/** Starts it and waits until it answers, or until it exits (a refused setting): then its output. */
export async function startProductionServer(
  port: number,
  settings: Record<string, string>,
): Promise<ProductionServer | FailedStart> {
  const e2e = e2eSettings();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'scripts/server.mjs')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: e2e.distDir,
      DATABASE_URL: e2e.databaseUrl,
      PORT: String(port),
      SITE_URL: url,
      NEXTAUTH_SECRET: 'production-settings-test-secret-0123456789abcdef',
      // A production server refuses to start without the key that signs CME certificates.
      CME_SIGNING_KEY: generateCmeSigningKey(),
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) return { exitCode, output };
    try {
      if ((await fetch(`${url}/`)).status < 500)
        return {
          url,
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`The production server on ${url} did not come up:\n${output}`);
}

export function isRunning(server: ProductionServer | FailedStart): server is ProductionServer {
  return 'url' in server;
}
