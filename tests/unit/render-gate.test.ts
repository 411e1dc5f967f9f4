import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRenderGate } from '../../scripts/lib/render-gate.mjs';

let server: http.Server | null = null;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

/** A server whose renders take `ms` each, behind a gate of `limit`; counts the most at once. */
async function serve(limit: number, ms: number) {
  const gate = createRenderGate(limit);
  const seen = { most: 0, rendered: 0 };
  server = http.createServer((_req, res) =>
    gate.run(res, () => {
      seen.rendered += 1;
      seen.most = Math.max(seen.most, gate.running());
      setTimeout(() => res.end('ok'), ms);
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen, gate };
}

describe('createRenderGate', () => {
  it('renders at most `limit` at once and answers every request', async () => {
    const { url, seen, gate } = await serve(2, 30);
    const bodies = await Promise.all(Array.from({ length: 7 }, () => fetch(url).then((r) => r.text())));
    expect(bodies).toEqual(Array(7).fill('ok'));
    expect(seen.most).toBe(2);
    expect(gate.running()).toBe(0);
    expect(gate.waiting()).toBe(0);
  });

  it('does not render for a client that left while it waited', async () => {
    const { url, seen } = await serve(1, 150);
    const first = fetch(url).then((r) => r.text());
    const gone = new AbortController();
    const left = fetch(url, { signal: gone.signal }).catch(() => 'left');
    await new Promise((r) => setTimeout(r, 50));
    gone.abort();
    expect(await left).toBe('left');
    expect(await first).toBe('ok');
    expect(await fetch(url).then((r) => r.text())).toBe('ok');
    expect(seen.rendered).toBe(2);
  });
});
