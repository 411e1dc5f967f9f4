// npm run cme:verify -- <token | certificate.pdf | token.txt> [--key <cme-signing-key.json | URL>]
// Checks a signed CME certificate offline: the signature against the published public key (a
// file saved from <site>/.well-known/cme-signing-key.json; without --key it is fetched from the
// address the token names as issuer). Prints the certificate's facts; exits 1 when not valid.
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { z } from 'zod';
import { PUBLIC_KEY_PATH, verifyCertificateToken, type PublicJwk } from '../lib/cme/certificate-token';

const JWS = /[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const jwkSchema = z.object({
  kty: z.string(),
  crv: z.string(),
  x: z.string(),
  y: z.string().optional(),
  kid: z.string(),
  alg: z.string(),
  use: z.literal('sig'),
});
const keySetSchema = z.union([z.object({ keys: z.array(jwkSchema) }), jwkSchema.transform((key) => ({ keys: [key] }))]);

async function readToken(arg: string): Promise<string> {
  if (!fs.existsSync(arg)) return arg;
  const bytes = fs.readFileSync(arg);
  const text =
    bytes.subarray(0, 5).toString('latin1') === '%PDF-'
      ? ((await PDFDocument.load(bytes, { updateMetadata: false })).getSubject() ?? '')
      : bytes.toString('utf8');
  // A verification URL (…?token=…) or the token alone.
  const match = JWS.exec(text.includes('token=') ? text.slice(text.indexOf('token=') + 6) : text);
  if (!match) throw new Error(`${arg} holds no certificate token.`);
  return match[0];
}

async function readKeys(source: string): Promise<PublicJwk[]> {
  const json: unknown = /^https?:\/\//.test(source)
    ? await (await fetch(source)).json()
    : JSON.parse(fs.readFileSync(source, 'utf8'));
  return keySetSchema.parse(json).keys;
}

function issuerOf(token: string): string {
  const payload = z
    .object({ iss: z.string() })
    .safeParse(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}'));
  if (!payload.success) throw new Error('The token names no issuer: give the public key with --key.');
  return payload.data.iss;
}

async function main() {
  const args = process.argv.slice(2);
  const keyAt = args.indexOf('--key');
  const keySource = keyAt >= 0 ? args[keyAt + 1] : undefined;
  const input = args.find((a, i) => i !== keyAt && i !== keyAt + 1);
  if (!input || (keyAt >= 0 && !keySource)) {
    console.error('Usage: npm run cme:verify -- <token | certificate.pdf | file> [--key cme-signing-key.json | URL]');
    process.exit(2);
  }
  const token = await readToken(input);
  const keys = await readKeys(keySource ?? `${issuerOf(token)}${PUBLIC_KEY_PATH}`);
  const check = verifyCertificateToken(token, keys);
  if (!check.isValid) {
    console.log(`NOT VALID: ${check.reason}`);
    process.exit(1);
  }
  const c = check.claims;
  console.log(`VALID: signed by ${c.iss} with key ${check.kid}`);
  console.log(
    `Certificate ${c.jti}: ${c.name}, "${c.activity}", ${c.credits} ${c.creditType}, completed ${c.completed}, issued by ${c.provider}`,
  );
  console.log('The signature proves what was issued; whether it was revoked since is on the verification page.');
}

main().catch((error: unknown) => {
  console.error(`cme:verify: ${(error as Error).message}`);
  process.exit(2);
});
