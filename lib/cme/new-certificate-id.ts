import 'server-only';
import { randomInt } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so an id read aloud or retyped is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A public certificate id such as "CME-7K3M-Q9XD-2HPA": 60 random bits, not guessable. */
export function newCertificateId(): string {
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(32)]).join(''));
  return `CME-${groups.join('-')}`;
}
