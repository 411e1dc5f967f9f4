import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  MAX_ACTION_BODY_BYTES,
  MAX_UPLOAD_ACTION_BODY_BYTES,
  refuseRequest,
} from '../../scripts/lib/request-guard.mjs';

// The guard only reads method, url and headers: a plain object stands in for the socket's request.
function request(method: string, url: string, headers: Record<string, string> = {}) {
  return { method, url, headers: { host: 'journal.example', ...headers } } as unknown as IncomingMessage;
}

const statusOf = (method: string, url: string, headers?: Record<string, string>) =>
  refuseRequest(request(method, url, headers))?.status ?? 'passed';

describe('request guard', () => {
  it('lets ordinary requests through', () => {
    expect(statusOf('GET', '/doi/10.1001/archdermatol.2011.3156')).toBe('passed');
    expect(statusOf('GET', '/search?q=100%25%20%E2%9C%93')).toBe('passed');
    expect(statusOf('POST', '/api/comments', { origin: 'https://journal.example' })).toBe('passed');
    expect(statusOf('POST', '/register', { 'sec-fetch-site': 'same-origin', origin: 'https://journal.example' })).toBe(
      'passed',
    );
    // No Origin and no Sec-Fetch-Site: not a browser (curl, Stripe's webhook), so no visitor's cookies.
    expect(statusOf('POST', '/api/stripe/webhook')).toBe('passed');
  });

  it('refuses a malformed router state header (Next answers it with a 500) and passes a real one', () => {
    for (const tree of ['garbage', '%7B', '[]', '[1,2]', '["",{"children":[1]}]', '%E0%A4%A', 'x'.repeat(50_000)])
      expect(statusOf('GET', '/search?q=ivig', { rsc: '1', 'next-router-state-tree': tree }), tree.slice(0, 20)).toBe(
        400,
      );
    const real = encodeURIComponent(JSON.stringify(['', { children: ['search', { children: ['__PAGE__', {}] }] }]));
    expect(statusOf('GET', '/search?q=ivig', { rsc: '1', 'next-router-state-tree': real })).toBe('passed');
  });

  it('refuses broken %-escapes and NUL characters in the address with 400', () => {
    expect(statusOf('GET', '/doi/10.1001/%E0%A4%A')).toBe(400);
    expect(statusOf('GET', '/topics/%ED%A0%80')).toBe(400);
    expect(statusOf('GET', '/doi/10.1001/x%00')).toBe(400);
    expect(statusOf('GET', '/api/articles/full-text?doi=10.1001/%00')).toBe(400);
  });

  it('refuses state-changing requests from other sites with 403', () => {
    expect(statusOf('POST', '/register', { origin: 'https://evil.example' })).toBe(403);
    expect(statusOf('POST', '/register', { origin: 'null' })).toBe(403);
    expect(statusOf('PUT', '/api/reader-tools', { 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(statusOf('DELETE', '/api/comments/x', { 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(statusOf('POST', '/api/comments', { origin: 'http://journal.example.evil.example' })).toBe(403);
    expect(statusOf('GET', '/account', { origin: 'https://evil.example' })).toBe('passed');
  });

  it('refuses a server action body over Next’s limit with 413', () => {
    const big = { 'content-length': String(MAX_ACTION_BODY_BYTES + 1) };
    expect(statusOf('POST', '/account', big)).toBe(413);
    // The article import's page takes a 30 MB package, and no more.
    expect(statusOf('POST', '/admin/articles', big)).toBe('passed');
    expect(statusOf('POST', '/admin/articles', { 'content-length': String(MAX_UPLOAD_ACTION_BODY_BYTES + 1) })).toBe(
      413,
    );
    expect(refuseRequest(request('POST', '/admin/members', big))?.message).toContain('too large (over 1 MB)');
  });

  it('refuses a server action body sent without its length (chunked) with 411: its size cannot be checked', () => {
    expect(statusOf('POST', '/account', { 'transfer-encoding': 'chunked' })).toBe(411);
    expect(statusOf('POST', '/admin/articles', { 'transfer-encoding': 'chunked' })).toBe(411);
    expect(statusOf('POST', '/account', { 'transfer-encoding': 'chunked', 'content-length': '10' })).toBe('passed');
    // Our JSON routes read their bodies with limits of their own.
    expect(statusOf('POST', '/api/comments', { 'transfer-encoding': 'chunked' })).toBe('passed');
  });
});
