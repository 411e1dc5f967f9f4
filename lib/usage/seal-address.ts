import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// A reader's address waits in the usage spool (on disk) until its flush names the institution;
// sealed with a key from the session secret (AES-256-GCM), so the file never holds a readable
// address. Instances sharing the secret can open one another's files after a crash.
const keyOf = (secret: string) => createHash('sha256').update(`usage-spool-address|${secret}`).digest();

export function sealAddress(ip: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const sealed = Buffer.concat([cipher.update(ip, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The address, or null when it was sealed with another secret (then the use is nobody's). */
export function openAddress(sealed: string, secret: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
