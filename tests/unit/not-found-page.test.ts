import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceNotFoundErrorShell } from '../../scripts/lib/not-found-page.mjs';

const SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden></div></body></html>';
const NOT_FOUND_PAGE = '<!DOCTYPE html><html lang="en"><body><main><h1>Page not found</h1></main></body></html>';

type Answer = { status: number; body: string; gzip?: boolean; flushFirst?: boolean };

describe('replaceNotFoundErrorShell (our server, in front of Next)', () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for Next's page answers: headers, maybe an early flush, the body in two writes. */
  async function serve(answer: Answer) {
    server = http.createServer((req, res) => {
      replaceNotFoundErrorShell(req, res, () => Promise.resolve(NOT_FOUND_PAGE));
      res.statusCode = answer.status;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 's-maxage=300');
      res.setHeader('X-Frame-Options', 'DENY');
      res.setHeader('x-nextjs-cache', 'HIT');
      if (answer.gzip) res.setHeader('Content-Encoding', 'gzip');
      if (answer.flushFirst) res.flushHeaders();
      const bytes = answer.gzip ? zlib.gzipSync(answer.body) : Buffer.from(answer.body);
      res.write(bytes.subarray(0, 7));
      res.end(bytes.subarray(7));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  for (const [what, answer] of [
    ['plain', { status: 404, body: SHELL }],
    ['gzip-compressed', { status: 404, body: SHELL, gzip: true }],
    ['streamed (headers flushed first)', { status: 404, body: SHELL, flushFirst: true }],
  ] as [string, Answer][]) {
    it(`answers a ${what} 404 error shell with the not-found page, keeping the other headers`, async () => {
      const res = await fetch(`${await serve(answer)}/doi/10.1/missing`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(NOT_FOUND_PAGE);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('s-maxage=300');
      expect(res.headers.get('x-nextjs-cache')).toBeNull();
      expect(res.headers.get('content-encoding')).toBeNull();
    });
  }

  it('passes a real 404 page, a 200 and a client navigation (RSC) through as Next wrote them', async () => {
    for (const answer of [
      { status: 404, body: NOT_FOUND_PAGE.replace('Page not found', 'Not here'), gzip: true },
      { status: 200, body: SHELL },
    ]) {
      const res = await fetch(`${await serve(answer)}/issues/1/1`);
      expect(res.status).toBe(answer.status);
      expect(await res.text()).toBe(answer.body);
      expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
      server!.close();
    }
    const base = await serve({ status: 404, body: SHELL });
    const rsc = await fetch(`${base}/doi/10.1/missing`, { headers: { rsc: '1' } });
    expect(await rsc.text()).toBe(SHELL);
    expect(await (await fetch(`${base}/api/articles`)).text()).toBe(SHELL);
    // The certificate check's own not-found message is only in Next's answer.
    expect(await (await fetch(`${base}/cme/certificates/CME-0000-0000-0000`)).text()).toBe(SHELL);
  });
});
