// At most `limit` renders at once; the others wait their turn holding only their request. A
// per-reader article render is CPU-bound (one core per instance), so more at once gives no more
// throughput, only more memory: each render in flight holds its React tree, RSC payload and HTML.

const TURN_MS = 10_000;

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
    let isDone = false;
    const release = () => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      running -= 1;
      pump();
    };
    // The turn ends when the response is handed to the OS (`finish`) or the client left (`close`);
    // at the latest after TURN_MS, so a client that reads slowly cannot hold a turn.
    const timer = setTimeout(release, TURN_MS);
    timer.unref();
    turn.res.once('finish', release);
    turn.res.once('close', release);
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
