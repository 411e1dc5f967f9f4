// GET /saml/metadata – this journal's SAML service provider metadata (entityID, ACS, certificate).
import { htmlRoute } from '@/lib/http/html-route';
import { spMetadataXml } from '@/lib/saml/sp-metadata';

export const GET = htmlRoute(() =>
  Promise.resolve(
    new Response(spMetadataXml(), {
      headers: {
        'Content-Type': 'application/samlmetadata+xml; charset=utf-8',
        'Content-Disposition': 'inline; filename="journal-sp-metadata.xml"',
        'Cache-Control': 'public, max-age=300',
      },
    }),
  ),
);
