import 'server-only';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors/app-error';

export type InstitutionSummary = {
  id: string;
  name: string;
  activeFrom: Date;
  activeUntil: Date | null;
  rangeCount: number;
};

/** The portal's overview of the librarian's own institution (the id comes from requireLibrarian). */
export async function getInstitutionSummary(institutionId: string): Promise<InstitutionSummary> {
  const row = await db.institution.findUnique({
    where: { id: institutionId },
    select: { id: true, name: true, activeFrom: true, activeUntil: true, _count: { select: { ranges: true } } },
  });
  if (!row) throw new NotFoundError('This institution no longer exists.');
  return {
    id: row.id,
    name: row.name,
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil,
    rangeCount: row._count.ranges,
  };
}
