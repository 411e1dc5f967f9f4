// The demo institution's SAML identity provider: a demo IdP whose key is in this folder (demo
// only: anyone can sign assertions with it, so a real deployment replaces this row through
// /admin/institutions or the librarian portal). `npm run saml:demo-idp` serves it on port 3901.
import fs from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db';
import { DEFAULT_AFFILIATIONS, COMMON_LIB_TERMS } from '@/lib/saml/map-saml-attributes';
import { parseIdpMetadata } from '@/lib/saml/parse-idp-metadata';

export const DEMO_IDP_METADATA_FILE = path.join(import.meta.dirname, 'saml', 'demo-idp-metadata.xml');

export async function seedSamlIdp(institutionId: string) {
  const metadataXml = fs.readFileSync(DEMO_IDP_METADATA_FILE, 'utf8');
  const metadata = parseIdpMetadata(metadataXml);
  await db.institutionIdp.create({
    data: {
      institutionId,
      entityId: metadata.entityId,
      ssoUrl: metadata.ssoUrl,
      signingCertificates: metadata.signingCertificates,
      scopes: metadata.scopes,
      allowedAffiliations: DEFAULT_AFFILIATIONS,
      entitlement: COMMON_LIB_TERMS,
      metadataXml,
    },
  });
}
