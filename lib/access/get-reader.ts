import 'server-only';
import { headers } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/current-user';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import type { Reader } from './load-access-facts';

/** Who is asking: the signed-in user (if any) and the client's address (for institution access). */
export async function getReader(): Promise<Reader> {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  return { userId: user?.id ?? null, ip: clientIpFromHeaders(requestHeaders) };
}
