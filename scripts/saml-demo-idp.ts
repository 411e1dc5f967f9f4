// npm run saml:demo-idp – the demo institution's identity provider, for trying institution
// sign-in by hand: serves the IdP seeded for Demo University Hospital (prisma/seed/saml/) on
// http://127.0.0.1:3901, reading this site's SP metadata from SITE_URL (default
// http://localhost:3000). Users: alice / alice-password (member), librarian /
// librarian-password (common-lib-terms), walkin / walkin-password (refused: walk-in only).
import fs from 'node:fs';
import path from 'node:path';
import { parseIdpMetadata, certificatePem } from '../lib/saml/parse-idp-metadata';
import { startTestIdp } from '../tests/support/saml-test-idp';

const seedDir = path.join(import.meta.dirname, '../prisma/seed/saml');

async function main() {
  const site = process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const metadata = parseIdpMetadata(fs.readFileSync(path.join(seedDir, 'demo-idp-metadata.xml'), 'utf8'));
  const certificate = certificatePem(metadata.signingCertificates[0]!);
  const spMetadataXml = await (await fetch(`${site}/saml/metadata`)).text();
  const port = Number(new URL(metadata.ssoUrl).port);
  await startTestIdp({
    port,
    spMetadataXml,
    entityId: metadata.entityId,
    keyPair: {
      privateKeyPem: fs.readFileSync(path.join(seedDir, 'demo-idp-key.pem'), 'utf8'),
      certificatePem: certificate,
    },
  });
  console.log(`Demo identity provider on http://127.0.0.1:${port} for ${site}. Ctrl-C stops it.`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
