import 'server-only';
import { cookies, headers } from 'next/headers';
import { after } from 'next/server';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { clientIpFromHeaders } from '@/lib/access/client-ip';
import { now as clockNow } from '@/lib/clock';
import { env } from '@/lib/env';
import { institutionSessionCookieName } from '@/lib/saml/institution-session-cookie';
import { institutionOfSession } from '@/lib/saml/institution-of-session';
import { recordUsage, type UsageInput } from './usage-event-buffer';

type Transaction = Pick<UsageInput, 'kind' | 'target' | 'articleId' | 'doi'>;

/**
 * Records COUNTER transactions of the request being answered. A page passes the user it already
 * has (`getCurrentUser` is cached per render): the uses are on disk (the spool) before the answer
 * leaves. A route handler lets the reader be read after the response is sent, so recording never
 * delays its answer. Nothing when USAGE_RECORDING is off (benchmarks).
 */
export async function recordRequestUsage(transactions: Transaction[], user?: CurrentUser | null): Promise<void> {
  if (transactions.length === 0 || !env.USAGE_RECORDING) return;
  const requestHeaders = await headers();
  const request = {
    ip: clientIpFromHeaders(requestHeaders),
    userAgent: requestHeaders.get('user-agent'),
    institutionToken: (await cookies()).get(institutionSessionCookieName())?.value ?? null,
    at: clockNow(),
  };
  if (user !== undefined) return recordReaderUsage(transactions, { ...request, reader: user });
  after(async () => recordReaderUsage(transactions, { ...request, reader: await getCurrentUser().catch(() => null) }));
}

/**
 * The same, from what the request told: a reader signed in through an institution (SAML) counts
 * for that institution wherever they are, for as long as that sign-in lasts; anyone else by
 * address (at the flush).
 */
export async function recordReaderUsage(
  transactions: Transaction[],
  request: {
    ip: string | null;
    userAgent: string | null;
    institutionToken: string | null;
    at: Date;
    reader: CurrentUser | null;
  },
): Promise<void> {
  const { ip, userAgent, at, reader } = request;
  const institutionId = await institutionOfSession(request.institutionToken, at);
  for (const t of transactions)
    recordUsage({
      ...t,
      ip,
      userAgent,
      at,
      userId: reader?.id ?? null,
      sessionId: reader?.sessionId ?? null,
      institutionId,
    });
}
