// GET /.well-known/cme-signing-key.json – the public keys CME certificates are signed with (a JWK
// Set: the current key first, then earlier ones kept after a rotation), for checking a certificate
// offline (`npm run cme:verify`).
import { getSigningKey } from '@/lib/cme/signing-key';

// Read when asked, not at build time: the key is a setting of the running server.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(
    { keys: getSigningKey().publishedKeys },
    { headers: { 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' } },
  );
}
