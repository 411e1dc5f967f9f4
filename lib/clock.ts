import 'server-only';
import { env } from '@/lib/env';

// The server is the only clock. End-to-end tests may move it forward (e.g. to one second past a
// 24-hour purchase) through /api/test-clock, which exists only when TEST_CLOCK_ENABLED=true —
// never in a real deployment.
// The offset lives on globalThis: Next loads separate copies of this module for route handlers
// and for pages (the per-reader article page decides access with it too), in one process.
const OFFSET = Symbol.for('journal.testClockOffsetMs');
const store = globalThis as { [OFFSET]?: number };

export function now(): Date {
  return new Date(Date.now() + (env.TEST_CLOCK_ENABLED ? (store[OFFSET] ?? 0) : 0));
}

export function setTestClockOffset(ms: number): void {
  if (!env.TEST_CLOCK_ENABLED) throw new Error('The test clock is disabled.');
  store[OFFSET] = ms;
}
