import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Tokens from '@/lib/alerts/unsubscribe-token';

const SECRET = 'unit-tests-only-secret-0123456789abcdefghij';
let tokens: typeof Tokens;
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  tokens = await import('@/lib/alerts/unsubscribe-token'); // lib/env reads the secret when first imported
});

describe('unsubscribe tokens', () => {
  it('name exactly the subscription they were made for', () => {
    for (const subscription of [
      { kind: 'search', savedSearchId: 'cm1' },
      { kind: 'issue', userId: 'u1', journalId: 'j1' },
      { kind: 'comments', userId: 'u1', articleId: 'a1' },
    ] as const) {
      const token = tokens.createUnsubscribeToken(subscription);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      expect(tokens.readUnsubscribeToken(token)).toEqual(subscription);
    }
  });

  it('refuse a payload swapped under another MAC, an altered or cut MAC, and junk', () => {
    const token = tokens.createUnsubscribeToken({ kind: 'issue', userId: 'u1', journalId: 'j1' });
    const [payload, mac] = token.split('.') as [string, string];
    const other = Buffer.from(JSON.stringify({ kind: 'issue', userId: 'u2', journalId: 'j1' })).toString('base64url');
    expect(tokens.readUnsubscribeToken(`${other}.${mac}`)).toBeNull();
    expect(tokens.readUnsubscribeToken(`${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(tokens.readUnsubscribeToken(`${payload}.${mac.slice(1)}`)).toBeNull();
    for (const junk of ['', '.', 'abc', `${payload}`, `${payload}.${mac}.x`])
      expect(tokens.readUnsubscribeToken(junk)).toBeNull();
  });

  it('is no plain HMAC of the payload: another use of the same secret cannot mint one', () => {
    const payload = Buffer.from(JSON.stringify({ kind: 'search', savedSearchId: 'cm1' })).toString('base64url');
    const plain = createHmac('sha256', SECRET).update(payload).digest('base64url');
    expect(tokens.readUnsubscribeToken(`${payload}.${plain}`)).toBeNull();
  });

  it('refuses a well-signed payload that is not a subscription', () => {
    const payload = Buffer.from(JSON.stringify({ kind: 'search', savedSearchId: 'cm1', extra: 1 })).toString(
      'base64url',
    );
    const mac = createHmac('sha256', SECRET).update(`journal.unsubscribe.v1\n${payload}`).digest('base64url');
    expect(tokens.readUnsubscribeToken(`${payload}.${mac}`)).toBeNull();
  });
});
