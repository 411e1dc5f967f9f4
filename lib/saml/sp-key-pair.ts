// The service provider's key pair as configured (SAML_SP_PRIVATE_KEY, SAML_SP_CERTIFICATE). Pure
// (node:crypto only), so lib/env-schema.ts validates it before anything starts.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { z } from 'zod';

/** A PEM setting, with "\n" accepted for newlines (one-line env files). */
export const pemSetting = z
  .string()
  .optional()
  .transform((value) => (value === undefined ? undefined : value.replace(/\\n/g, '\n').trim()));

/** What is wrong with the pair, naming the key, or null when both are absent or both fit together. */
export function checkSamlSpKeyPair(
  privateKeyPem: string | undefined,
  certificatePem: string | undefined,
): { key: 'SAML_SP_PRIVATE_KEY' | 'SAML_SP_CERTIFICATE'; message: string } | null {
  if (!privateKeyPem && !certificatePem) return null;
  if (!privateKeyPem) return { key: 'SAML_SP_PRIVATE_KEY', message: 'is required when SAML_SP_CERTIFICATE is set' };
  if (!certificatePem) return { key: 'SAML_SP_CERTIFICATE', message: 'is required when SAML_SP_PRIVATE_KEY is set' };
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    return { key: 'SAML_SP_PRIVATE_KEY', message: 'must be a PEM private key (-----BEGIN PRIVATE KEY-----)' };
  }
  if (key.asymmetricKeyType !== 'rsa')
    return { key: 'SAML_SP_PRIVATE_KEY', message: 'must be an RSA key (SAML federations expect RSA)' };
  let certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    return { key: 'SAML_SP_CERTIFICATE', message: 'must be a PEM X.509 certificate (-----BEGIN CERTIFICATE-----)' };
  }
  if (!certificate.checkPrivateKey(key))
    return { key: 'SAML_SP_CERTIFICATE', message: 'does not belong to SAML_SP_PRIVATE_KEY' };
  return null;
}
