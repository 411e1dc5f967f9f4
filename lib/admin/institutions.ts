import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { NotFoundError, ValidationError } from '@/lib/errors/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { parseRange, parseRanges, rangesOverlap, type ParsedRange } from './ip-ranges';
import { recordAudit } from './record-audit';
import { assertFresh } from './stale-edit';
import { dateInput } from './date-range';

export const institutionSchema = z.object({
  name: z.string().trim().min(2, 'Enter the institution’s name.').max(200),
  activeFrom: dateInput('Enter a valid start date.'),
  activeUntil: z
    .union([z.literal('').transform(() => null), z.null(), dateInput('Enter a valid end date.')])
    .default(null),
  ranges: z.array(z.string().max(60)).min(1, 'Give at least one IP range.').max(500),
});
export const updateInstitutionSchema = institutionSchema.extend({
  id: z.string().min(1).max(40),
  expectedUpdatedAt: z.string().min(1).max(40),
});

export async function listInstitutions() {
  return db.institution.findMany({
    orderBy: { name: 'asc' },
    include: {
      ranges: { orderBy: { cidr: 'asc' } },
      librarians: { include: { user: { select: { email: true, name: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
}

/** Ranges that overlap a range of another institution (a warning, not an error: consortia share networks). */
async function overlapWarnings(ranges: ParsedRange[], exceptInstitutionId: string | null): Promise<string[]> {
  const others = await db.institutionRange.findMany({
    where: exceptInstitutionId ? { institutionId: { not: exceptInstitutionId } } : {},
    include: { institution: { select: { name: true } } },
  });
  const warnings: string[] = [];
  for (const mine of ranges) {
    for (const other of others) {
      const theirs = parseRange(other.cidr);
      if (typeof theirs !== 'string' && rangesOverlap(mine, theirs))
        warnings.push(`${mine.cidr} overlaps ${other.cidr} of ${other.institution.name}.`);
    }
  }
  return warnings;
}

function validated(input: z.infer<typeof institutionSchema>) {
  const { ranges, problems } = parseRanges(input.ranges);
  if (problems.length) throw new ValidationError(problems.join(' '));
  if (input.activeUntil && input.activeUntil <= input.activeFrom)
    throw new ValidationError('The end date must be after the start date.');
  const unique = [...new Map(ranges.map((r) => [r.cidr, r])).values()];
  return unique;
}

/** The row to write: the form's fields with its ranges in normal form. */
function institutionData(input: z.infer<typeof institutionSchema>, ranges: ParsedRange[]) {
  return {
    name: input.name,
    activeFrom: input.activeFrom,
    activeUntil: input.activeUntil,
    ranges: { create: ranges.map((r) => ({ cidr: r.cidr })) },
  };
}

export async function createInstitution(actor: CurrentUser, input: z.infer<typeof institutionSchema>) {
  const ranges = validated(input);
  const warnings = await overlapWarnings(ranges, null);
  const institution = await db.$transaction(async (tx) => {
    const created = await tx.institution.create({
      data: institutionData(input, ranges),
      include: { ranges: true },
    });
    await recordAudit(tx, actor, {
      action: 'institution.create',
      targetType: 'Institution',
      targetId: created.id,
      summary: `Created ${created.name}`,
      after: created,
    });
    return created;
  });
  return { institution, warnings };
}

export async function updateInstitution(actor: CurrentUser, input: z.infer<typeof updateInstitutionSchema>) {
  const ranges = validated(input);
  const warnings = await overlapWarnings(ranges, input.id);
  const institution = await db.$transaction(async (tx) => {
    const before = await tx.institution.findUnique({ where: { id: input.id }, include: { ranges: true } });
    if (!before) throw new NotFoundError('No institution has this id.');
    assertFresh('institution', before.updatedAt, input.expectedUpdatedAt);
    await tx.institutionRange.deleteMany({ where: { institutionId: input.id } });
    const after = await tx.institution.update({
      where: { id: input.id },
      data: institutionData(input, ranges),
      include: { ranges: true },
    });
    await recordAudit(tx, actor, {
      action: 'institution.update',
      targetType: 'Institution',
      targetId: input.id,
      summary: `Edited ${after.name}`,
      before,
      after,
    });
    return after;
  });
  return { institution, warnings };
}

export const deactivateSchema = z.object({ id: z.string().min(1).max(40) });

/** Ends the institution's access now (kept for the record). */
export async function deactivateInstitution(
  actor: CurrentUser,
  { id }: z.infer<typeof deactivateSchema>,
  now = clockNow(),
) {
  return db.$transaction(async (tx) => {
    const before = await tx.institution.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('No institution has this id.');
    const after = await tx.institution.update({ where: { id }, data: { activeUntil: now } });
    await recordAudit(tx, actor, {
      action: 'institution.deactivate',
      targetType: 'Institution',
      targetId: id,
      summary: `Deactivated ${before.name}`,
      before,
      after,
    });
    return after;
  });
}
