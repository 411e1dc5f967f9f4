// npm test: lint, typecheck, unit, integration and end-to-end tests, all of which must pass.
// Stages that leave a core idle run side by side, so the whole takes less time on a 2-core machine
// than one after another (see README, Testing):
//   1. eslint, prettier, tsc and the unit tests together (each mostly single-threaded);
//   2. the integration suite (one file at a time on one database) while the e2e server migrates,
//      seeds and builds the site, then a second e2e server on the same build migrates and seeds a
//      database of its own; with TEST_POSTGRES_URL (.ci/run) the integration suite runs again on
//      that PostgreSQL beside them;
//   3. Playwright in two shards, one per server: a browser test mostly waits (on the page, on
//      networkidle, on its own pauses), so two leave the cores far less idle than one. Each shard's
//      specs still run one after another on a database no other shard writes.
// A stage's output is printed whole when it ends (the long ones stream), with its time; the first
// phase that fails stops the run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { e2eSettings } from '../tests/e2e/settings';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

type Stage = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Print the output as it comes, each line after this prefix ('' for none), not when it ends. */
  stream?: string;
};
/** failures: the lines of a failed stage that name what failed, printed again in the summary. */
type Outcome = { name: string; code: number | null; seconds: number; failures?: string[] };

// A line that names a failure: vitest's "FAIL" and "×" and its assertion, Playwright's "✘", tsc's
// "error TS…" and eslint's "12:5  error". CI keeps only the end of the output, where the summary
// is, so these go there too (not the logs of passing tests, which may say "Error:").
const FAILURE_LINE = /\bFAIL\b|×|✘|\berror TS\d+|\d+:\d+\s+error\s|AssertionError/;
const MAX_FAILURE_LINES = 30;
const withoutColours = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, '');
function failureLines(output: string): string[] {
  const lines = output
    .split('\n')
    .map(withoutColours)
    .filter((line) => FAILURE_LINE.test(line));
  return [...new Set(lines.map((line) => line.trim()))].slice(0, MAX_FAILURE_LINES);
}

const running = new Set<ChildProcess>();
function stopAll() {
  for (const child of running) if (child.pid) killGroup(child.pid);
}
function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });

/** Runs one stage in its own process group; its output is kept and printed when it ends, unless it streams. */
function run(stage: Stage): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(stage.command, stage.args, {
      cwd: root,
      env: { ...process.env, ...stage.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let output = '';
    let partial = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (stage.stream === undefined) return;
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${stage.stream}${line}\n`);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => {
      running.delete(child);
      const seconds = Math.round((Date.now() - started) / 1000);
      if (stage.stream === undefined) process.stdout.write(`\n── ${stage.name} ──\n${output.trimEnd()}\n`);
      else if (partial) process.stdout.write(`${stage.stream}${partial}\n`);
      console.log(`── ${stage.name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
      resolve({ name: stage.name, code, seconds, failures: code === 0 ? undefined : failureLines(output) });
    });
  });
}

const outcomes: Outcome[] = [];
async function phase(stages: Promise<Outcome>[]) {
  const done = await Promise.all(stages);
  outcomes.push(...done);
  return done.every((o) => o.code === 0);
}

function finish(code: number): never {
  stopAll();
  console.log(`\nnpm test ${code === 0 ? 'passed' : 'FAILED'}:`);
  for (const o of outcomes) {
    console.log(`  ${o.code === 0 ? 'ok    ' : 'FAILED'} ${o.name} (${o.seconds} s)`);
    for (const line of o.failures ?? []) console.log(`           ${line}`);
  }
  process.exit(code);
}

/**
 * The two e2e shards: the first on the suite's default ports (its server builds the site), the
 * second on ports of its own, served from the same build with its own embedded database.
 */
const SHARDS = [
  { name: 'e2e server', env: {} },
  { name: 'second e2e server', env: { E2E_PORT: '3200', E2E_DB_PORT: '54340' } },
] as const;
type Shard = (typeof SHARDS)[number];

/** Starts an e2e server (scripts/e2e-server.ts) and resolves once it answers; its output goes to a log file. */
function startE2eServer(shard: Shard): Promise<Outcome> {
  const settings = e2eSettings(shard.env);
  const what = `${shard.name} (migrate, seed${shard === SHARDS[0] ? ', build' : ''})`;
  const log = path.join(root, 'test-results', `${shard.name.replaceAll(' ', '-')}.log`);
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const out = fs.openSync(log, 'w');
  const started = Date.now();
  const child = spawn(bin('tsx'), ['--conditions=react-server', 'scripts/e2e-server.ts'], {
    cwd: root,
    env: { ...process.env, ...shard.env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return (async (): Promise<Outcome> => {
    const seconds = () => Math.round((Date.now() - started) / 1000);
    for (;;) {
      const exit = await Promise.race([exited, new Promise((r) => setTimeout(r, 1000, 'waiting'))]);
      if (exit !== 'waiting') {
        process.stdout.write(`\n── ${shard.name} ──\n${fs.readFileSync(log, 'utf8').trimEnd()}\n`);
        console.log(`── ${what}: FAILED (it exited with ${String(exit)})`);
        return { name: what, code: 1, seconds: seconds() };
      }
      try {
        if ((await fetch(`${settings.baseUrl}/`)).status < 500) break;
      } catch {
        // not listening yet
      }
    }
    console.log(`── ${what}: ready in ${seconds()} s (output in ${path.relative(root, log)})`);
    return { name: what, code: 0, seconds: seconds() };
  })();
}

/** Both servers: the second once the first has built the site it serves too. */
async function startE2eServers(): Promise<Outcome> {
  const first = await startE2eServer(SHARDS[0]);
  if (first.code !== 0) return first;
  const second = await startE2eServer(SHARDS[1]);
  outcomes.push(first);
  return second;
}

async function main() {
  const checked = await phase([
    run({ name: 'lint (eslint)', command: bin('eslint'), args: ['.', '--max-warnings=0'] }),
    run({ name: 'lint (prettier)', command: bin('prettier'), args: ['--check', '.'] }),
    run({ name: 'typecheck (tsc)', command: bin('tsc'), args: ['--noEmit'] }),
    run({ name: 'unit tests', command: bin('vitest'), args: ['run', '--project', 'unit'] }),
  ]);
  if (!checked) finish(1);

  const servers = startE2eServers();
  const integration = (name: string, env: Record<string, string>, stream?: string) =>
    run({ name, command: bin('vitest'), args: ['run', '--project', 'integration'], env, stream });
  const postgres = process.env.TEST_POSTGRES_URL;
  const integrated = await phase([
    ...(postgres
      ? [
          integration('integration tests (embedded database)', { TEST_DATABASE_URL: '' }),
          // Its own port for the SAML test IdP: the two suites run at the same time.
          integration('integration tests (PostgreSQL)', { TEST_DATABASE_URL: postgres, SAML_TEST_IDP_PORT: '4302' }),
        ]
      : [integration('integration tests', {}, '')]),
    servers,
  ]);
  if (!integrated) finish(1);

  const e2e = await phase(
    SHARDS.map((shard, i) => {
      const which = `${i + 1}/${SHARDS.length}`;
      return run({
        name: `end-to-end tests ${which} (Playwright, Chromium)`,
        command: bin('playwright'),
        args: ['test', `--shard=${which}`, '--reporter=list', `--output=test-results/e2e-${i + 1}`],
        env: { ...shard.env, E2E_SERVER_STARTED: '1' },
        stream: `[e2e ${which}] `,
      });
    }),
  );
  finish(e2e ? 0 : 1);
}

void main();
