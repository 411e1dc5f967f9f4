// Minimum password strength, with a message a person can act on. Pure, so unit-tested.

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'admin12345',
  'passw0rd12',
  'abcdefghij',
  'football12',
  'monkey1234',
]);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Why the password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size < 4)
    return 'This password is too easy to guess. Try a short phrase of unrelated words.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email address in your password.';
  return null;
}
