import 'server-only';
import { env } from '@/lib/env';

export const SAML_PATHS = { metadata: '/saml/metadata', acs: '/saml/acs', login: '/saml/login' } as const;

/** The service provider as institutions see it: entityID, where answers go, and its key pair. */
export function spSettings() {
  return {
    entityId: env.SAML_SP_ENTITY_ID ?? `${env.SITE_URL}${SAML_PATHS.metadata}`,
    acsUrl: `${env.SITE_URL}${SAML_PATHS.acs}`,
    privateKeyPem: env.SAML_SP_PRIVATE_KEY ?? null,
    certificatePem: env.SAML_SP_CERTIFICATE ?? null,
  };
}
