// GET /saml/metadata – this journal's SAML service provider metadata (entityID, ACS, certificate).
import { connection } from 'next/server';
import { htmlRoute } from '@/lib/http/html-route';
import { spMetadataXml } from '@/lib/saml/sp-metadata';

export const GET = htmlRoute(async () => {
  // Rendered when asked, never at build time: the key pair and SITE_URL are the running server's.
  await connection();
  return new Response(spMetadataXml(), {
    headers: {
      'Content-Type': 'application/samlmetadata+xml; charset=utf-8',
      'Content-Disposition': 'inline; filename="journal-sp-metadata.xml"',
      'Cache-Control': 'public, max-age=300',
    },
  });
});
