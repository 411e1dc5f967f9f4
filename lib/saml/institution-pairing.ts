import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { NotFoundError } from '@/lib/errors/app-error';
import type { Reader } from '@/lib/access/load-access-facts';

const DAY_MS = 24 * 3600_000;

export type ReachableInstitution = { id: string; name: string; via: 'address' | 'saml' };

/**
 * The institutions this browser reaches right now without a personal account: by its network
 * address (on campus) or by an institution sign-in (SAML). Only these can be paired, and a
 * pairing is renewed only by reaching the institution again this way.
 */
export async function listReachableInstitutions(reader: Reader, now: Date): Promise<ReachableInstitution[]> {
  const hash = reader.institutionSessionHash ?? null;
  const rows = await db.$queryRaw<ReachableInstitution[]>`
    SELECT DISTINCT i."id", i."name", 'address' AS "via"
    FROM "Institution" i JOIN "InstitutionRange" r ON r."institutionId" = i."id"
    WHERE ${reader.ip}::inet IS NOT NULL AND r."cidr"::cidr >>= ${reader.ip}::inet
    UNION
    SELECT DISTINCT i."id", i."name", 'saml' AS "via"
    FROM "Institution" i JOIN "InstitutionSession" s ON s."institutionId" = i."id"
    WHERE ${hash}::text IS NOT NULL AND s."tokenHash" = ${hash}::text AND s."expiresAt" > ${now}`;
  // One line per institution; an institution sign-in is the stronger proof of the two.
  const byId = new Map<string, ReachableInstitution>();
  for (const row of rows) if (!byId.has(row.id) || row.via === 'saml') byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Pairs the account with an institution the reader reaches now (or renews the pairing), for the
 * pairing period (INSTITUTION_PAIRING_DAYS) from now. Refused for an institution not reached now.
 */
export async function pairAccountWithInstitution(userId: string, reader: Reader, institutionId: string, now: Date) {
  const reachable = (await listReachableInstitutions(reader, now)).find((i) => i.id === institutionId);
  if (!reachable)
    throw new NotFoundError(
      'Your account can be paired only with an institution you reach now: on its network, or signed in through it.',
    );
  const expiresAt = new Date(now.getTime() + env.INSTITUTION_PAIRING_DAYS * DAY_MS);
  await db.institutionPairing.upsert({
    where: { userId_institutionId: { userId, institutionId } },
    create: { userId, institutionId, verifiedBy: reachable.via, verifiedAt: now, expiresAt },
    update: { verifiedBy: reachable.via, verifiedAt: now, expiresAt },
  });
  return { institution: reachable.name, expiresAt };
}

export async function unpairAccount(userId: string, institutionId: string) {
  await db.institutionPairing.deleteMany({ where: { userId, institutionId } });
}

export async function listPairings(userId: string) {
  return db.institutionPairing.findMany({
    where: { userId },
    include: { institution: { select: { name: true } } },
    orderBy: { expiresAt: 'desc' },
  });
}
