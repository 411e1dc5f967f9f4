import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '@/lib/auth/safe-return-to';

const site = 'https://journal.example';

describe('return addresses (after sign-in, registration, checkout)', () => {
  it('keeps paths on the site, with their query and fragment', () => {
    expect(safeReturnTo('/doi/10.1001/archdermatol.2011.3156', '/', site)).toBe('/doi/10.1001/archdermatol.2011.3156');
    expect(safeReturnTo('/subscribe?callbackUrl=%2Fdoi%2Fx#plans', '/', site)).toBe(
      '/subscribe?callbackUrl=%2Fdoi%2Fx#plans',
    );
  });

  it.each([
    ['//evil.example', 'protocol-relative'],
    ['/\t/evil.example', 'a tab the browser drops (the tester’s /%09/evil.example)'],
    ['/\n/evil.example', 'a newline the browser drops'],
    ['/\r\n/evil.example', 'CR LF'],
    ['/\\evil.example', 'a backslash the browser reads as a slash'],
    ['/\\\t\\evil.example', 'backslashes and a tab'],
    ['https://evil.example/', 'an absolute URL'],
    ['javascript:alert(1)', 'a script URL'],
    ['evil.example', 'no leading slash'],
    ['', 'empty'],
  ])('refuses %j (%s)', (value) => {
    expect(safeReturnTo(value, '/account', site)).toBe('/account');
  });

  it('turns control characters into a harmless path, never a header a server refuses', () => {
    for (const value of ['/\n', '/a\rb', '/x\u0000y', '/%0a', '/caf\u00e9']) {
      const result = safeReturnTo(value, '/account', site);
      expect(result.startsWith('/')).toBe(true);
      expect(result).not.toMatch(/[\u0000-\u001f\u007f-\uffff]/);
    }
  });

  it('refuses what is not a string, and very long values', () => {
    expect(safeReturnTo(undefined, '/', site)).toBe('/');
    expect(safeReturnTo(['/a'], '/', site)).toBe('/');
    expect(safeReturnTo(`/${'a'.repeat(600)}`, '/', site)).toBe('/');
  });
});
