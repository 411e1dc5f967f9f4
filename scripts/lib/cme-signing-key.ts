// CME certificates are signed (lib/cme/signing-key.ts) and a production server needs the key. On
// one machine with no configuration, `npm start` keeps a generated Ed25519 key in .data/ so
// certificates stay verifiable across restarts; several instances must share CME_SIGNING_KEY.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const keyFile = path.resolve(import.meta.dirname, '../../.data/cme-signing-key.pem');

/** A fresh Ed25519 private key as PKCS#8 PEM. */
export function generateCmeSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function ensureCmeSigningKey() {
  if (process.env.CME_SIGNING_KEY) return;
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, generateCmeSigningKey(), { mode: 0o600 });
  }
  process.env.CME_SIGNING_KEY = fs.readFileSync(keyFile, 'utf8');
}
