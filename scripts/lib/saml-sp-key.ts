// The SAML service provider's key pair (lib/saml). On one machine with no configuration,
// `npm start` keeps a generated pair in .data/ so the metadata an institution registered stays
// valid across restarts; several instances must share SAML_SP_PRIVATE_KEY and SAML_SP_CERTIFICATE.
import fs from 'node:fs';
import path from 'node:path';
import { generateSamlKeyPair } from '../../lib/saml/generate-saml-key-pair';

const keyFile = path.resolve(import.meta.dirname, '../../.data/saml-sp-key.pem');
const certificateFile = path.resolve(import.meta.dirname, '../../.data/saml-sp-certificate.pem');

export async function ensureSamlSpKeyPair() {
  if (process.env.SAML_SP_PRIVATE_KEY || process.env.SAML_SP_CERTIFICATE) return;
  if (!fs.existsSync(keyFile) || !fs.existsSync(certificateFile)) {
    const pair = await generateSamlKeyPair('journal-saml-sp');
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, pair.privateKeyPem, { mode: 0o600 });
    fs.writeFileSync(certificateFile, pair.certificatePem);
  }
  process.env.SAML_SP_PRIVATE_KEY = fs.readFileSync(keyFile, 'utf8');
  process.env.SAML_SP_CERTIFICATE = fs.readFileSync(certificateFile, 'utf8');
}
