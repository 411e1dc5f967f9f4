import 'server-only';
import { headers } from 'next/headers';
import { after } from 'next/server';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import { now as clockNow } from '@/lib/clock';
import { env } from '@/lib/env';
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
  const ip = clientIpFromHeaders(requestHeaders);
  const userAgent = requestHeaders.get('user-agent');
  const at = clockNow();
  const record = (reader: CurrentUser | null) => {
    for (const t of transactions)
      recordUsage({ ...t, ip, userAgent, at, userId: reader?.id ?? null, sessionId: reader?.sessionId ?? null });
  };
  if (user !== undefined) return record(user);
  after(async () => record(await getCurrentUser().catch(() => null)));
}
