import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNotFoundPageSource,
  notFoundPageFor,
  replaceNotFoundErrorShell,
  UNMATCHED_PATH,
} from '../../scripts/lib/not-found-page.mjs';

const SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden></div></body></html>';
const NOT_FOUND_PAGE = '<!DOCTYPE html><html lang="en"><body><main><h1>Page not found</h1></main></body></html>';
const CERTIFICATE_PAGE =
  '<!DOCTYPE html><html lang="en"><body><main><h1>Certificate not found</h1></main></body></html>';
const pageFor = (path: string) =>
  Promise.resolve(path.startsWith('/cme/certificates/') ? CERTIFICATE_PAGE : NOT_FOUND_PAGE);

type Answer = { status: number; body: string; gzip?: boolean; flushFirst?: boolean };

describe('replaceNotFoundErrorShell (our server, in front of Next)', () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for Next's page answers: headers, maybe an early flush, the body in two writes. */
  async function serve(answer: Answer) {
    server = http.createServer((req, res) => {
      replaceNotFoundErrorShell(req, res, pageFor);
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
  });

  it('answers the shell with the page for its path: the certificate check has its own', async () => {
    const base = await serve({ status: 404, body: SHELL });
    const certificate = await fetch(`${base}/cme/certificates/CME-0000-0000-0000`);
    expect(certificate.status).toBe(404);
    expect(await certificate.text()).toBe(CERTIFICATE_PAGE);
    expect(await (await fetch(`${base}/cme/activities`)).text()).toBe(NOT_FOUND_PAGE);
  });
});

describe('the not-found pages', () => {
  it('come from the certificate page for certificate addresses, else from an unmatched address', () => {
    expect(notFoundPageFor('/cme/certificates/CME-1')).toEqual({
      source: '/_journal/certificate-not-found',
      status: 200,
    });
    for (const path of ['/doi/10.1/missing', '/cme/certificates', '/issues/999/9'])
      expect(notFoundPageFor(path), path).toEqual({ source: UNMATCHED_PATH, status: 404 });
  });

  it('are fetched once each, and only kept when their source answers as expected', async () => {
    const asked: string[] = [];
    let unmatchedStatus = 200; // first a wrong answer (a route took the address): not kept
    const origin = http.createServer((req, res) => {
      asked.push(req.url!);
      res.statusCode = req.url === UNMATCHED_PATH ? unmatchedStatus : 200;
      res.end(req.url === UNMATCHED_PATH ? NOT_FOUND_PAGE : CERTIFICATE_PAGE);
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    try {
      const pages = createNotFoundPageSource(`http://127.0.0.1:${(origin.address() as AddressInfo).port}`);
      await expect(pages('/doi/10.1/missing')).rejects.toThrow('not-found page /_journal/not-found: 200');
      unmatchedStatus = 404;
      expect(await pages('/doi/10.1/missing')).toBe(NOT_FOUND_PAGE);
      expect(await pages('/issues/9/9')).toBe(NOT_FOUND_PAGE);
      expect(await pages('/cme/certificates/A')).toBe(CERTIFICATE_PAGE);
      expect(await pages('/cme/certificates/B')).toBe(CERTIFICATE_PAGE);
      expect(asked).toEqual([UNMATCHED_PATH, UNMATCHED_PATH, '/_journal/certificate-not-found']);
    } finally {
      origin.close();
    }
  });
});
