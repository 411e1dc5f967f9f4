// At most `limit` renders at once; the others wait their turn holding only their request. A
// per-reader article render is CPU-bound (one core per instance), so more at once gives no more
// throughput, only more memory: each render in flight holds its React tree, RSC payload and HTML.

/**
 * @param {number} limit renders at once (0 or less: no limit)
 */
export function createRenderGate(limit) {
  let running = 0;
  /** @type {{ res: import('node:http').ServerResponse, render: () => void }[]} */
  const waiting = [];

  /** @param {{ res: import('node:http').ServerResponse, render: () => void }} turn */
  const start = (turn) => {
    running += 1;
    // `close` fires when the response is done and when the client went away.
    turn.res.once('close', () => {
      running -= 1;
      pump();
    });
    turn.render();
  };
  const pump = () => {
    while (running < limit && waiting.length > 0) {
      const turn = /** @type {(typeof waiting)[number]} */ (waiting.shift());
      if (!turn.res.destroyed) start(turn); // a client that left while waiting is not rendered for
    }
  };

  return {
    /**
     * Renders now, or when an earlier render's response ends.
     * @param {import('node:http').ServerResponse} res
     * @param {() => void} render
     */
    run(res, render) {
      if (limit <= 0) return render();
      waiting.push({ res, render });
      pump();
    },
    running: () => running,
    waiting: () => waiting.length,
  };
}
