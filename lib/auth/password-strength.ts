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

// Words that, padded with digits or symbols ("password12", "Qwerty!!2024"), are still guessed first.
const COMMON_WORDS = new Set([
  'password',
  'passwrd',
  'qwerty',
  'qwertyuiop',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'iloveyou',
  'monkey',
  'football',
  'baseball',
  'dragon',
  'sunshine',
  'princess',
  'master',
  'login',
  'abc',
  'abcdef',
  'superman',
  'trustno',
  'whatever',
  'shadow',
  'secret',
  'changeme',
]);

const LEET: Record<string, string> = { '4': 'a', '@': 'a', '3': 'e', '1': 'i', '0': 'o', '5': 's', $: 's' };

/** The word under the padding and look-alike characters: "P4ssw0rd!!2024" → "password". */
function commonCore(lower: string): string {
  const unpadded = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  return unpadded.replace(/[4@3105$]/g, (c) => LEET[c]!).replace(/[^a-z]/g, '');
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Why the password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON_WORDS.has(commonCore(lower)) || new Set(lower).size < 4)
    return 'This password is too easy to guess. Try a short phrase of unrelated words.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email address in your password.';
  return null;
}
