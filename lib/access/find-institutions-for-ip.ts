import 'server-only';
import { db } from '@/lib/db';
import type { InstitutionFact } from './decide-access';

/**
 * Institutions with a range that contains `ip`; PostgreSQL's inet/cidr types do the matching
 * (IPv4 and IPv6). The caller's address is already validated and normalized (lib/http/client-ip).
 */
export async function findInstitutionsForIp(ip: string): Promise<InstitutionFact[]> {
  return db.$queryRaw<InstitutionFact[]>`
    SELECT DISTINCT i."name", i."activeFrom", i."activeUntil"
    FROM "Institution" i JOIN "InstitutionRange" r ON r."institutionId" = i."id"
    WHERE r."cidr"::cidr >>= ${ip}::inet`;
}
