import { describe, expect, it } from 'vitest';
import { batchCalls } from '@/lib/batch-calls';

/** A batch runner that records each batch it was given and doubles the numbers, refusing 13. */
function recordingRunner() {
  const batches: number[][] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise((r) => setTimeout(r, 5));
    if (items.includes(13)) throw new Error('13 refused');
    return items.map((n) => n * 2);
  };
  return { batches, run };
}

describe('batchCalls', () => {
  it('runs calls made together as one batch, and calls made while it runs as the next', async () => {
    const { batches, run } = recordingRunner();
    const call = batchCalls({ run, keyOf: String });
    const first = Promise.all([1, 2].map(call));
    await Promise.resolve(); // the batch [1, 2] has started
    const second = Promise.all([3, 4].map(call));
    expect([...(await first), ...(await second)]).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('never puts two calls with one key in the same batch, and keeps their order', async () => {
    const { batches, run } = recordingRunner();
    const call = batchCalls({ run, keyOf: (n: number) => String(n % 10) });
    await Promise.all([1, 2, 11, 12, 21].map(call));
    expect(batches).toEqual([[1, 2], [11, 12], [21]]);
  });

  it('retries a failed batch call by call, so only the bad call fails', async () => {
    const { run } = recordingRunner();
    const call = batchCalls({ run, keyOf: String });
    const results = await Promise.allSettled([1, 2, 13, 4].map(call));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      2,
      4,
      '13 refused',
      8,
    ]);
  });

  it('splits a large queue into batches of at most maxBatch', async () => {
    const { batches, run } = recordingRunner();
    const call = batchCalls({ run, keyOf: String, maxBatch: 3 });
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map(call));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
  });
});
