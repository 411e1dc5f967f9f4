import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@/lib/auth/password-strength';

describe('password strength', () => {
  it('refuses short, common and padded common passwords, and the email in the password', () => {
    expect(passwordProblem('short')).toBe('Use at least 10 characters.');
    for (const weak of ['password123', 'password12', 'Qwerty!!2024', 'P4ssw0rd!!', 'aaaaaaaaaaaa'])
      expect(passwordProblem(weak), weak).toMatch(/too easy to guess/);
    expect(passwordProblem('dana.smith-2026!', { email: 'dana.smith@example.org' })).toMatch(/email address/);
  });
  it('accepts a short phrase of unrelated words', () => {
    expect(passwordProblem('tulip harbour seventeen')).toBeNull();
    expect(passwordProblem('correct horse battery')).toBeNull();
  });
});
