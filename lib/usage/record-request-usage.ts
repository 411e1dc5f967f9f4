import 'server-only';
import { headers } from 'next/headers';
import { after } from 'next/server';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import { now as clockNow } from '@/lib/clock';
import { recordUsage, type UsageInput } from './usage-event-buffer';

type Transaction = Pick<UsageInput, 'kind' | 'target' | 'articleId' | 'doi'>;

/**
 * Records COUNTER transactions of the request being answered, after the response is sent: the
 * reader (session, user) is read then, so recording never delays an answer. A page passes the
 * user it already has (`getCurrentUser` is cached per render); a route handler lets it be read
 * after the response.
 */
export async function recordRequestUsage(transactions: Transaction[], user?: CurrentUser | null): Promise<void> {
  if (transactions.length === 0) return;
  const requestHeaders = await headers();
  const ip = clientIpFromHeaders(requestHeaders);
  const userAgent = requestHeaders.get('user-agent');
  const at = clockNow();
  after(async () => {
    const reader = user === undefined ? await getCurrentUser().catch(() => null) : user;
    for (const t of transactions)
      recordUsage({ ...t, ip, userAgent, at, userId: reader?.id ?? null, sessionId: reader?.sessionId ?? null });
  });
}
