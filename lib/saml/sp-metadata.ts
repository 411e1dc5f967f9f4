import 'server-only';
import { generateServiceProviderMetadata } from '@node-saml/node-saml';
import { spSettings } from './sp-settings';

/** This journal as a SAML service provider, for federations and institutions to register. */
export function spMetadataXml(): string {
  const sp = spSettings();
  return generateServiceProviderMetadata({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    wantAssertionsSigned: true,
    identifierFormat: null,
    ...(sp.privateKeyPem && sp.certificatePem
      ? {
          decryptionCert: sp.certificatePem,
          decryptionPvk: sp.privateKeyPem,
          publicCerts: sp.certificatePem,
          privateKey: sp.privateKeyPem,
        }
      : {}),
  });
}
