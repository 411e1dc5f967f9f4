import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { institutionsContaining } from './find-institutions-for-ip';
import type { Reader } from './load-access-facts';

/**
 * Every institution whose access this reader has now, as rows of the decision's institution
 * facts: by network address, by an institution sign-in (SAML) this browser holds, and by a
 * personal account paired with an institution (still within its pairing period). A fragment, so
 * the access facts load it in their one statement; the decision itself does not change.
 */
export function readerInstitutions(reader: Reader, now: Date): Prisma.Sql {
  const sessionHash = reader.institutionSessionHash ?? null;
  return Prisma.sql`
    ${institutionsContaining(reader.ip)}
    UNION
    SELECT i."name", i."activeFrom", i."activeUntil"
    FROM "Institution" i JOIN "InstitutionSession" s ON s."institutionId" = i."id"
    WHERE ${sessionHash}::text IS NOT NULL AND s."tokenHash" = ${sessionHash}::text AND s."expiresAt" > ${now}
    UNION
    SELECT i."name", i."activeFrom", i."activeUntil"
    FROM "Institution" i JOIN "InstitutionPairing" p ON p."institutionId" = i."id"
    WHERE ${reader.userId}::text IS NOT NULL AND p."userId" = ${reader.userId}::text AND p."expiresAt" > ${now}`;
}
