import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import type { InstitutionFact } from './decide-access';

/**
 * The rows of institutions with a range that contains `ip`: PostgreSQL's inet/cidr types do the
 * matching (IPv4 and IPv6). The caller's address is already validated and normalized
 * (lib/access/client-ip). A fragment, so the access facts can load it in their one statement.
 */
export function institutionsContaining(ip: string | null): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT i."name", i."activeFrom", i."activeUntil"
    FROM "Institution" i JOIN "InstitutionRange" r ON r."institutionId" = i."id"
    WHERE ${ip}::inet IS NOT NULL AND r."cidr"::cidr >>= ${ip}::inet`;
}

export async function findInstitutionsForIp(ip: string): Promise<InstitutionFact[]> {
  return db.$queryRaw<InstitutionFact[]>(institutionsContaining(ip));
}
