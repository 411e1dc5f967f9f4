import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMicroCache } from '../../scripts/lib/micro-cache.mjs';

type Upstream = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server | null = null;
let clock = 0;

async function serve(upstream: Upstream) {
  let calls = 0;
  const cache = createMicroCache({
    isCandidatePath: (p: string) => p.startsWith('/doi/'),
    ttlMs: 1000,
    now: () => clock,
  });
  server = http.createServer((req, res) => {
    if (cache.handle(req, res)) return;
    calls++;
    upstream(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(0, resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, calls: () => calls };
}

const shared: Upstream = (_req, res) => {
  res.setHeader('Cache-Control', 's-maxage=300, stale-while-revalidate=31535700');
  res.setHeader('Content-Type', 'text/html');
  res.write('<p>same ');
  res.end('for everyone</p>');
};

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
  clock = 0;
});

describe('micro-cache in front of Next', () => {
  it('serves a shareable page again from memory, byte for byte', async () => {
    const { base, calls } = await serve(shared);
    const first = await fetch(`${base}/doi/10.1/a`);
    const second = await fetch(`${base}/doi/10.1/a`);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('x-micro-cache')).toBe('HIT');
    expect(second.headers.get('cache-control')).toContain('s-maxage=300');
    expect(calls()).toBe(1);
  });

  it('asks Next again once the entry is older than its time to live', async () => {
    const { base, calls } = await serve(shared);
    await fetch(`${base}/doi/10.1/a`);
    clock = 1000;
    await fetch(`${base}/doi/10.1/a`);
    expect(calls()).toBe(2);
  });

  it.each([
    ['private', 'private, no-store', {}],
    ['no s-maxage', 'no-cache', {}],
    ['set-cookie', 's-maxage=300', { 'Set-Cookie': 'a=b' }],
  ])('never keeps a %s response', async (_name, cacheControl, extra) => {
    const { base, calls } = await serve((_req, res) => {
      res.writeHead(200, { 'Cache-Control': cacheControl, ...extra });
      res.end('per reader');
    });
    await fetch(`${base}/doi/10.1/a`);
    await fetch(`${base}/doi/10.1/a`);
    expect(calls()).toBe(2);
  });

  it('never keeps an error page', async () => {
    const { base, calls } = await serve((_req, res) => {
      res.writeHead(404, { 'Cache-Control': 's-maxage=300' });
      res.end('missing');
    });
    await fetch(`${base}/doi/10.1/missing`);
    await fetch(`${base}/doi/10.1/missing`);
    expect(calls()).toBe(2);
  });

  it('passes through other paths, RSC requests and non-GET methods', async () => {
    const { base, calls } = await serve(shared);
    await fetch(`${base}/account`);
    await fetch(`${base}/account`);
    await fetch(`${base}/doi/10.1/a`, { headers: { RSC: '1' } });
    await fetch(`${base}/doi/10.1/a`, { headers: { RSC: '1' } });
    await fetch(`${base}/doi/10.1/a`, { method: 'POST' });
    expect(calls()).toBe(5);
  });

  it('keeps compressed and plain answers apart', async () => {
    const { base, calls } = await serve(shared);
    await fetch(`${base}/doi/10.1/a`, { headers: { 'Accept-Encoding': 'identity' } });
    await fetch(`${base}/doi/10.1/a`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(calls()).toBe(2);
  });
});
