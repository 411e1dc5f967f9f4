// A fresh RSA key and self-signed certificate for SAML signing and encryption (federations take
// self-signed certificates in metadata: trust comes from the metadata, not from a CA). Used by
// `npm start` for the service provider and by the tests for their identity provider.
import { generate } from 'selfsigned';

export type SamlKeyPair = { privateKeyPem: string; certificatePem: string };

export async function generateSamlKeyPair(commonName: string, { years = 10 } = {}): Promise<SamlKeyPair> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + years * 365 * 24 * 3600 * 1000);
  const result = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [{ name: 'basicConstraints', cA: false }],
  });
  return { privateKeyPem: result.private, certificatePem: result.cert };
}
