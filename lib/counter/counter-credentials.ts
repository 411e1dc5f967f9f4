import 'server-only';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import type { Prisma } from '@/generated/prisma/client';
import type { AuditEntry } from '@/lib/admin/record-audit';
import { counterException, CounterRequestError } from './counter-exceptions';
import type { ReportCustomer } from './build-counter-report';

/** COUNTER's customer id for reports to "The World", which this platform does not offer. */
const WORLD_CUSTOMER_ID = '0000000000000000';

const hashOf = (apiKey: string) => createHash('sha256').update(apiKey).digest('hex');

/**
 * The institution a COUNTER API request may read, from customer_id + requestor_id + api_key
 * (R5.1 §8.2: no address authentication). Throws the exception the Code of Practice names for
 * each refusal; only a hash of the key is stored and compared in constant time.
 */
export async function authenticateCounterRequest(query: URLSearchParams): Promise<ReportCustomer> {
  const customerId = query.get('customer_id')?.trim();
  const requestorId = query.get('requestor_id')?.trim();
  const apiKey = query.get('api_key') ?? '';
  if (!customerId) throw new CounterRequestError(counterException(1030, 'customer_id is required'));
  if (customerId === WORLD_CUSTOMER_ID) throw new CounterRequestError(counterException(2011));
  if (!requestorId) throw new CounterRequestError(counterException(1030, 'requestor_id is required'));
  // Text PostgreSQL cannot hold (NUL) or longer than any id we issue is simply unknown.
  const isPlausible = (id: string) => id.length <= 100 && !/[\u0000-\u001f]/.test(id);
  if (!isPlausible(customerId)) throw new CounterRequestError(counterException(2010));
  const credential = isPlausible(requestorId)
    ? await db.counterCredential.findUnique({ where: { requestorId } })
    : null;
  if (!credential || credential.revokedAt) throw new CounterRequestError(counterException(2000));
  const given = Buffer.from(hashOf(apiKey), 'hex');
  const stored = Buffer.from(credential.apiKeyHash, 'hex');
  if (!apiKey || given.length !== stored.length || !timingSafeEqual(given, stored))
    throw new CounterRequestError(counterException(2020));
  if (credential.institutionId !== customerId) throw new CounterRequestError(counterException(2010));
  const institution = await db.institution.findUnique({ where: { id: customerId }, select: { id: true, name: true } });
  if (!institution) throw new CounterRequestError(counterException(2010));
  // At most one write a minute per credential: a harvester asks for many reports at once.
  const now = clockNow();
  if (!credential.lastUsedAt || now.getTime() - credential.lastUsedAt.getTime() > 60_000)
    await db.counterCredential.update({ where: { id: credential.id }, data: { lastUsedAt: now } });
  return institution;
}

export type NewCounterCredential = { id: string; customerId: string; requestorId: string; apiKey: string };
/** Writes the audit entry in the change's transaction (the portal files it under the institution). */
export type RecordCredentialAudit = (
  tx: Prisma.TransactionClient,
  entry: Omit<AuditEntry, 'targetType' | 'targetId'>,
) => Promise<void>;

/** Issues a requestor id and API key for an institution; the key is shown once and never stored. Audited. */
export async function createCounterCredential(options: {
  institutionId: string;
  label: string;
  createdById: string;
  audit: RecordCredentialAudit;
}): Promise<NewCounterCredential> {
  const { institutionId, label, createdById, audit } = options;
  const apiKey = randomBytes(24).toString('base64url');
  const requestorId = randomUUID();
  return db.$transaction(async (tx) => {
    const credential = await tx.counterCredential.create({
      data: {
        institutionId,
        requestorId,
        apiKeyHash: hashOf(apiKey),
        apiKeyHint: apiKey.slice(-4),
        label,
        createdById,
      },
    });
    await audit(tx, {
      action: 'counter.credential.create',
      summary: `COUNTER API credentials "${label}" issued (requestor ${requestorId})`,
      after: { credentialId: credential.id, requestorId, label, apiKeyHint: credential.apiKeyHint },
    });
    return { id: credential.id, customerId: institutionId, requestorId, apiKey };
  });
}

/** Ends a credential at once (its next request gets 2000). Audited; false when it was not the institution's. */
export async function revokeCounterCredential(
  institutionId: string,
  id: string,
  audit: RecordCredentialAudit,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const credential = await tx.counterCredential.findFirst({ where: { id, institutionId, revokedAt: null } });
    if (!credential) return false;
    const revokedAt = clockNow();
    await tx.counterCredential.update({ where: { id }, data: { revokedAt } });
    await audit(tx, {
      action: 'counter.credential.revoke',
      summary: `COUNTER API credentials "${credential.label}" revoked (requestor ${credential.requestorId})`,
      before: { credentialId: id, revokedAt: null },
      after: { revokedAt },
    });
    return true;
  });
}

export function listCounterCredentials(institutionId: string) {
  return db.counterCredential.findMany({
    where: { institutionId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      requestorId: true,
      apiKeyHint: true,
      label: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
}

/** The seed's demo credential (README): a known key, so the API can be tried on a fresh machine. */
export function demoCredentialRow(institutionId: string, requestorId: string, apiKey: string) {
  return {
    institutionId,
    requestorId,
    apiKeyHash: hashOf(apiKey),
    apiKeyHint: apiKey.slice(-4),
    label: 'Demo harvester',
  };
}
