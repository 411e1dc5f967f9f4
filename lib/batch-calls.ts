/**
 * Group commit: concurrent calls are coalesced into batches. Calls made together go as one batch;
 * while it runs, new calls queue and go together as the next. Under load N statements (which an
 * embedded database runs strictly one after another) become one; a lone call runs at once (after
 * the current microtasks), so nothing waits when the site is quiet. Calls with the same key never
 * share a batch (they would compete for the same rows). A failed batch of several is retried one
 * call at a time, so one bad call fails alone.
 */
export function batchCalls<I, O>(options: {
  run: (items: I[]) => Promise<O[]>;
  keyOf: (item: I) => string;
  maxBatch?: number;
}): (item: I) => Promise<O> {
  const { run, keyOf, maxBatch = 200 } = options;
  type Call = { item: I; resolve: (result: O) => void; reject: (error: unknown) => void };
  let queue: Call[] = [];
  let isRunning = false;

  async function settle(calls: Call[]) {
    try {
      const results = await run(calls.map((c) => c.item));
      calls.forEach((c, i) => c.resolve(results[i]!));
    } catch (error) {
      if (calls.length === 1) return calls[0]!.reject(error);
      for (const call of calls) await settle([call]);
    }
  }

  async function drain() {
    while (queue.length > 0) {
      const batch: Call[] = [];
      const waiting: Call[] = [];
      const keys = new Set<string>();
      for (const call of queue) {
        const key = keyOf(call.item);
        if (batch.length < maxBatch && !keys.has(key)) {
          keys.add(key);
          batch.push(call);
        } else waiting.push(call);
      }
      queue = waiting;
      await settle(batch);
    }
    isRunning = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (isRunning) return;
      isRunning = true;
      // After the current microtasks: calls made together (one burst of awaits) start as one batch.
      queueMicrotask(() => void drain());
    });
}
