import 'server-only';
import { cookies, headers } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/current-user';
import { clientIpFromHeaders } from '@/lib/access/client-ip';
import { hashInstitutionToken, institutionSessionCookieName } from '@/lib/saml/institution-session-cookie';
import type { Reader } from './load-access-facts';

/**
 * Who is asking: the signed-in user (if any), the client's address and the institution sign-in
 * (SAML) this browser holds, for institution access.
 */
export async function getReader(): Promise<Reader> {
  const [user, requestHeaders, jar] = await Promise.all([getCurrentUser(), headers(), cookies()]);
  return {
    userId: user?.id ?? null,
    ip: clientIpFromHeaders(requestHeaders),
    institutionSessionHash: hashInstitutionToken(jar.get(institutionSessionCookieName())?.value),
  };
}
