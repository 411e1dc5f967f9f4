import { describe, expect, it } from 'vitest';
import { registerSchema } from '@/lib/auth/account-schemas';

const base = { name: 'Dana Scully', email: 'Dana@Example.org', password: 'correct horse battery' };

function messages(input: Record<string, unknown>): string[] {
  const result = registerSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('registration form', () => {
  it('needs the terms and privacy notice agreed to, in words a reader understands', () => {
    expect(messages(base)).toEqual(['acceptTerms: Please agree to the Terms of Use and the Privacy Notice.']);
    expect(messages({ ...base, acceptTerms: 'yes please' })).toEqual([
      'acceptTerms: Please agree to the Terms of Use and the Privacy Notice.',
    ]);
  });

  it('takes profession and specialty as optional, and only professions from the list', () => {
    const ok = registerSchema.parse({ ...base, acceptTerms: 'on', profession: '', specialty: '  ' });
    expect([ok.profession, ok.specialty]).toEqual([undefined, undefined]);
    expect(registerSchema.parse({ ...base, acceptTerms: 'on', profession: 'Physician' }).profession).toBe('Physician');
    expect(messages({ ...base, acceptTerms: 'on', profession: 'Wizard' })).toEqual([
      'profession: Choose a profession from the list.',
    ]);
    expect(messages({ ...base, acceptTerms: 'on', specialty: 'x'.repeat(81) })).toEqual([
      'specialty: Use at most 80 characters.',
    ]);
  });
});
