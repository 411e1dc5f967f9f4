// Fault: PostgreSQL restarts while readers use the site. Workers keep asking for pages and API
// routes through nginx; the database is stopped for a few seconds and started again. While it is
// away every answer must be the normal one (cached pages) or a clear, fast 503: Retry-After, the
// "briefly unavailable" page for pages and JSON {error} for /api, no stack trace or internals.
// Afterwards the site must recover by itself. Latencies are reported, not asserted.
import { UNAVAILABLE_MESSAGE } from '../../lib/errors/database-unavailable.mjs';
import { check } from './checks';
import type { PrivatePostgres } from './private-postgres';

export type Probe = {
  name: string;
  path: string;
  init?: RequestInit;
  okStatus: number;
  /** Where the protocol fixes another answer for "unavailable" (next-auth's sign-in). */
  isClearOutageAnswer?: (status: number, body: string) => boolean;
};
type Answer = { probe: Probe; startedAt: number; endedAt: number; status: number; problem: string | null };

const OUTAGE_MS = 6000;
const HANG_MS = 30_000;
const INTERNALS = /\n\s+at |node_modules|prisma|ECONNREFUSED|Can't reach|127\.0\.0\.1:\d+|postgres/i;

/** null for the normal answer or a clear 503; otherwise what is wrong with it. */
function judge(probe: Probe, status: number, headers: Headers, body: string): string | null {
  if (status === probe.okStatus) return null;
  if (INTERNALS.test(body)) return `${status} shows internals`;
  if (probe.isClearOutageAnswer)
    return probe.isClearOutageAnswer(status, body) ? null : `${status} ${body.slice(0, 200)}`;
  if (status !== 503) return `${status}${body.includes('__next_error__') ? ' (Next’s empty error shell)' : ''}`;
  if (!headers.get('retry-after')) return '503 without Retry-After';
  const type = headers.get('content-type') ?? '';
  if (probe.path.startsWith('/api/')) {
    const isJsonError = type.includes('json') && typeof (JSON.parse(body) as { error?: unknown }).error === 'string';
    return isJsonError ? null : '503 without JSON {error}';
  }
  return type.includes('text/html') && body.includes(UNAVAILABLE_MESSAGE) ? null : '503 without the page';
}

async function ask(front: string, probe: Probe): Promise<Answer> {
  const startedAt = performance.now();
  try {
    const res = await fetch(front + probe.path, {
      ...probe.init,
      redirect: 'manual',
      signal: AbortSignal.timeout(HANG_MS),
    });
    const body = await res.text();
    return {
      probe,
      startedAt,
      endedAt: performance.now(),
      status: res.status,
      problem: judge(probe, res.status, res.headers, body),
    };
  } catch (error) {
    const problem =
      error instanceof Error && error.name === 'TimeoutError' ? 'hung (no answer in 30 s)' : String(error);
    return { probe, startedAt, endedAt: performance.now(), status: 0, problem };
  }
}

/** Answers before, during and after a fault, and when the site was normal again. */
export type FaultRun = { answers: Answer[]; downAt: number; upAt: number; recoveredAt: number | null };

/**
 * Keeps every probe asking (one worker each) while `fault.start` breaks the database for
 * `fault.ms` and `fault.end` mends it; recovered once every probe has answered normally three
 * times in a row after the end.
 */
export async function runUnderFault(options: {
  front: string;
  probes: Probe[];
  fault: { start: () => void; end: () => void; ms: number };
}): Promise<FaultRun> {
  const { front, probes, fault } = options;
  const answers: Answer[] = [];
  let isRunning = true;
  const workers = probes.map(async (probe) => {
    while (isRunning) answers.push(await ask(front, probe));
  });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Warm first: a cold instance's first render of a page can take seconds on a busy machine.
  const isWarm = () => probes.every((p) => answers.some((a) => a.probe === p && a.status === p.okStatus));
  for (const giveUpAt = performance.now() + 60_000; !isWarm() && performance.now() < giveUpAt;) await sleep(200);
  await sleep(2000);
  const downAt = performance.now();
  fault.start();
  await sleep(fault.ms);
  fault.end();
  const upAt = performance.now();
  let recoveredAt: number | null = null;
  while (recoveredAt === null && performance.now() - upAt < 60_000) {
    await sleep(200);
    const isBack = probes.every((probe) => {
      const last = answers.filter((a) => a.probe === probe && a.startedAt > upAt).slice(-3);
      return last.length === 3 && last.every((a) => a.status === probe.okStatus);
    });
    if (isBack) recoveredAt = performance.now();
  }
  await sleep(2000);
  isRunning = false;
  await Promise.all(workers);
  return { answers, downAt, upAt, recoveredAt };
}

/**
 * The checks every database fault must pass: normal before; while it lasts, each probe answers
 * normally or with a clear 503 (slowest reported, and at most `maxMs` when given); the site
 * recovers by itself and stays up.
 */
export function checkFaultRun(run: FaultRun, options: { label: string; probes: Probe[]; maxMs?: number }) {
  const { answers, downAt, upAt, recoveredAt } = run;
  const { label, probes, maxMs } = options;
  const before = answers.filter((a) => a.endedAt < downAt);
  const during = answers.filter((a) => a.endedAt >= downAt && a.startedAt < upAt);
  const badBefore = before.filter((a) => a.status !== a.probe.okStatus);
  check(
    `${label}: before it, every probe answered normally`,
    before.length > 0 && badBefore.length === 0,
    `${before.length} answers` +
      (badBefore.length
        ? `; ${badBefore.length} not, e.g. ${badBefore[0]!.probe.name}: ${badBefore[0]!.status} ${badBefore[0]!.problem ?? ''}`
        : ''),
  );
  for (const probe of probes) {
    const mine = during.filter((a) => a.probe === probe);
    const bad = mine.filter((a) => a.problem || (maxMs !== undefined && a.endedAt - a.startedAt > maxMs));
    const unavailable = mine.filter((a) => a.status === 503 && !a.problem).length;
    const slowest = Math.max(0, ...mine.map((a) => a.endedAt - a.startedAt));
    const firstOutage = mine.find((a) => a.status !== probe.okStatus);
    check(
      `${label}: ${probe.name} answers ${probe.okStatus} or a clear 503` + (maxMs ? ` within ${maxMs} ms` : ''),
      mine.length > 0 && bad.length === 0,
      `${mine.length} answers, ${unavailable} × 503, slowest ${Math.round(slowest)} ms` +
        (firstOutage ? `, first outage answer ${Math.round(firstOutage.endedAt - downAt)} ms in` : '') +
        (bad.length
          ? `; ${bad.length} bad, e.g. ${bad[0]!.problem ?? `${Math.round(bad[0]!.endedAt - bad[0]!.startedAt)} ms`}`
          : ''),
    );
  }
  const recovered = recoveredAt === null ? null : Math.round(recoveredAt - upAt);
  check(
    `${label} over: the site recovers by itself`,
    recovered !== null,
    recovered === null ? 'not within 60 s' : `all probes normal ${recovered} ms after the database was back`,
  );
  const after = answers.filter((a) => recoveredAt !== null && a.startedAt > recoveredAt);
  check(
    '… and stays up',
    after.length > 0 && after.every((a) => a.status === a.probe.okStatus),
    `${after.length} answers`,
  );
}

export async function checkDatabaseRestart(options: { front: string; pg: PrivatePostgres; probes: Probe[] }) {
  const { front, pg, probes } = options;
  const run = await runUnderFault({
    front,
    probes,
    fault: { start: () => pg.stopServer('fast'), end: () => pg.startServer(), ms: OUTAGE_MS },
  });
  checkFaultRun(run, { label: 'database restart', probes });
}
