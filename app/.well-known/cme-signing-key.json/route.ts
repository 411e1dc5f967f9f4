// GET /.well-known/cme-signing-key.json – the public key CME certificates are signed with (a JWK
// Set), for checking a certificate offline (`npm run cme:verify`).
import { getSigningKey } from '@/lib/cme/signing-key';

// Read when asked, not at build time: the key is a setting of the running server.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(
    { keys: [getSigningKey().publicJwk] },
    { headers: { 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' } },
  );
}
