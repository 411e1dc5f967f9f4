import 'server-only';
import bcrypt from 'bcryptjs';

// bcryptjs (pure JS, no native build). Cost 11 ≈ 100 ms here: slow for guessing, fine for sign-in.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A hash of a random password, compared against when the email is unknown so timing gives nothing away. */
export const DUMMY_HASH = bcrypt.hashSync('not-a-real-password-for-timing-only', COST);
