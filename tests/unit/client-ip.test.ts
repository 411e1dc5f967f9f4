import { describe, expect, it } from 'vitest';
import { compileTrustedProxies, resolveClientIp } from '@/lib/access/client-ip';

const none = compileTrustedProxies('');
const nginx = compileTrustedProxies('127.0.0.1, ::1');

describe('client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(resolveClientIp('198.51.100.7', '203.0.113.9', none)).toBe('198.51.100.7');
  });
  it('comes from X-Forwarded-For only through a trusted proxy', () => {
    expect(resolveClientIp('127.0.0.1', '203.0.113.9', nginx)).toBe('203.0.113.9');
    expect(resolveClientIp('::1', '2001:db8:1::42', nginx)).toBe('2001:db8:1::42');
  });
  it('ignores addresses a client prepended before the trusted proxy appended the real one', () => {
    expect(resolveClientIp('127.0.0.1', '203.0.113.9, 198.51.100.7', nginx)).toBe('198.51.100.7');
  });
  it('turns IPv4-mapped IPv6 into plain IPv4', () => {
    expect(resolveClientIp('::ffff:203.0.113.5', null, none)).toBe('203.0.113.5');
  });
  it('is unknown without a peer or with garbage', () => {
    expect(resolveClientIp(null, '203.0.113.9', nginx)).toBeNull();
    expect(resolveClientIp('127.0.0.1', 'not-an-ip', nginx)).toBeNull();
  });
});
