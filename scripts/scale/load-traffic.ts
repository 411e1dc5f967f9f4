// Mixed traffic for `npm run test:load`: one autocannon run per group of connections, each
// request labelled with its kind and checked (status, and where it matters the body or cookie),
// so every kind gets its own latencies and failures. Latencies are kept whole (sorted once at the
// end) rather than merged from per-run percentiles, so the overall p50/p99 are exact.
import autocannon from 'autocannon';

type Ctx = Record<string, string | undefined>;
type Headers = Record<string, string | string[] | undefined>;

export type LoadRequest = {
  kind: string;
  method?: 'GET' | 'POST';
  path: string | ((ctx: Ctx) => string);
  headers?: (ctx: Ctx) => Record<string, string>;
  body?: (ctx: Ctx) => string;
  /** null when the answer is the expected one, else why not. */
  check: (status: number, body: string, headers: Headers, ctx: Ctx) => string | null;
};

export type TrafficGroup = { name: string; connections: number; requests: LoadRequest[]; overallRate?: number };

export type KindResult = { kind: string; latencies: number[]; failures: number; serverErrors: number; sample?: string };

export type GroupResult = { name: string; errors: number; timeouts: number };

/** Hands each connection an item (an account) no other connection is using until it gives it back. */
export function createLease<T>(items: T[]) {
  const free = [...items];
  return {
    take(): T {
      const item = free.pop();
      if (item === undefined) throw new Error('No free account: more connections than accounts.');
      return item;
    },
    give(item: T) {
      free.push(item);
    },
    /** Everything free again: requests cut off when a run ends never give theirs back. */
    reset() {
      free.splice(0, free.length, ...items);
    },
  };
}

export function headerOf(headers: Headers, name: string): string[] {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key ? headers[key] : undefined;
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export async function runTraffic(
  base: string,
  groups: TrafficGroup[],
  seconds: number,
): Promise<{ kinds: KindResult[]; groups: GroupResult[]; seconds: number }> {
  const kinds = new Map<string, KindResult>();
  const kindOf = (kind: string) => {
    let result = kinds.get(kind);
    if (!result) kinds.set(kind, (result = { kind, latencies: [], failures: 0, serverErrors: 0 }));
    return result;
  };
  const startedAt = performance.now();
  const runs = groups.map((group) => {
    // autocannon calls onResponse and then emits 'response' (with the latency) synchronously,
    // one response at a time: what onResponse labelled is what the next 'response' measured.
    let answered: KindResult | null = null;
    return new Promise<GroupResult>((resolve, reject) => {
      const options: autocannon.Options = {
        url: base,
        connections: group.connections,
        duration: seconds,
        overallRate: group.overallRate,
        timeout: 30,
        requests: group.requests.map((request) => ({
          method: request.method ?? 'GET',
          setupRequest: (req: autocannon.Request, context: object) => {
            const ctx = context as Ctx;
            return {
              ...req,
              path: typeof request.path === 'function' ? request.path(ctx) : request.path,
              headers: request.headers?.(ctx) ?? {},
              ...(request.body && { body: request.body(ctx) }),
            };
          },
          onResponse: (status: number, body: string, context: object, headers: Headers = {}) => {
            const result = kindOf(request.kind);
            const problem = request.check(status, body, headers, context as Ctx);
            if (status >= 500) result.serverErrors++;
            if (problem) {
              result.failures++;
              result.sample ??= `${status} ${problem}`;
            }
            answered = result;
          },
        })),
      };
      const instance = autocannon(options, (error: unknown, done) =>
        error
          ? reject(error instanceof Error ? error : new Error('autocannon failed'))
          : resolve({ name: group.name, errors: done.errors, timeouts: done.timeouts }),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        answered?.latencies.push(responseTime);
        answered = null;
      });
    });
  });
  const groupResults = await Promise.all(runs);
  return { kinds: [...kinds.values()], groups: groupResults, seconds: (performance.now() - startedAt) / 1000 };
}

/** The q-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]!;
}
