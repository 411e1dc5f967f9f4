// Sessions need a signing secret. On one machine with no configuration, `npm start` keeps a
// random one in .data/ so sessions survive restarts; several instances must share NEXTAUTH_SECRET.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const secretFile = path.resolve(import.meta.dirname, '../../.data/session-secret');

export function ensureSessionSecret(siteUrl: string) {
  process.env.NEXTAUTH_URL ??= siteUrl;
  if (process.env.NEXTAUTH_SECRET) return;
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, 'utf8').trim();
}
