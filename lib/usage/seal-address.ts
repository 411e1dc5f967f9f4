import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// A reader's address waits in the usage spool (on disk) until its flush names the institution;
// sealed with a key from the session secret (AES-256-GCM), so the file never holds a readable
// address. Instances sharing the secret can open one another's files after a crash.
const keys = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createHash('sha256').update(`usage-spool-address|${secret}`).digest()));
  return key;
}

// A reader makes many requests from one address: sealing each again (a cipher and a random IV,
// some 10 µs) was most of what recording cost a cached page. The same sealed text for one address
// tells a file's reader no more than the session key beside it already does (same address).
const sealed = new Map<string, string>();
const SEALED_AT_MOST = 2000;

export function sealAddress(ip: string, secret: string): string {
  const memo = `${ip}|${secret}`;
  const known = sealed.get(memo);
  if (known) return known;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const text = Buffer.concat([cipher.update(ip, 'utf8'), cipher.final()]);
  const result = Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64url');
  if (sealed.size >= SEALED_AT_MOST) sealed.clear();
  sealed.set(memo, result);
  return result;
}

/** The address, or null when it was sealed with another secret (then the use is nobody's). */
export function openAddress(sealedText: string, secret: string): string | null {
  try {
    const bytes = Buffer.from(sealedText, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
