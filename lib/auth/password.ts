import 'server-only';
import { compare, hash, hashSync } from '@node-rs/bcrypt';

// bcrypt, cost 11 (≈ 150 ms of CPU here): slow for guessing, fine for sign-in. Native
// (@node-rs/bcrypt, prebuilt in its npm package) on libuv's thread pool, so sign-ins never hold
// the event loop: bcryptjs did, in 100 ms slices – five sign-ins at once stalled every other
// request on the instance for 0.7 s. Same hash format ($2b$), so stored hashes keep working.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

export function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return compare(password, passwordHash);
}

/** A hash of a random password, compared against when the email is unknown so timing gives nothing away. */
export const DUMMY_HASH = hashSync('not-a-real-password-for-timing-only', COST);
