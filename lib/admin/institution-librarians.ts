import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { recordAudit } from './record-audit';

export const assignLibrarianSchema = z.object({
  institutionId: z.string().min(1).max(40),
  email: z
    .email('Enter the librarian’s email address.')
    .max(254)
    .transform((e) => e.trim().toLowerCase()),
});
export const removeLibrarianSchema = z.object({
  institutionId: z.string().min(1).max(40),
  userId: z.string().min(1).max(40),
});

/**
 * Makes an existing account a librarian of the institution (the person registers first, so the
 * account's email is confirmed by them, not typed by us). Assigning twice changes nothing.
 */
export async function assignLibrarian(actor: CurrentUser, input: z.infer<typeof assignLibrarianSchema>) {
  return db.$transaction(async (tx) => {
    const institution = await tx.institution.findUnique({ where: { id: input.institutionId } });
    if (!institution) throw new NotFoundError('No institution has this id.');
    const user = await tx.user.findUnique({ where: { email: input.email } });
    if (!user)
      throw new ValidationError(
        `No account uses ${input.email}. Ask the librarian to register first, then assign them. Nothing was changed.`,
      );
    const existing = await tx.institutionLibrarian.findUnique({
      where: { institutionId_userId: { institutionId: institution.id, userId: user.id } },
    });
    if (existing) return { ok: true, warnings: [`${user.email} is already a librarian of ${institution.name}.`] };
    const created = await tx.institutionLibrarian.create({ data: { institutionId: institution.id, userId: user.id } });
    await recordAudit(tx, actor, {
      action: 'institution.librarian.assign',
      targetType: 'Institution',
      targetId: institution.id,
      summary: `Made ${user.email} a librarian of ${institution.name}`,
      after: created,
    });
    return { ok: true };
  });
}

/** Ends a librarian's assignment; their portal access ends with their next request. */
export async function removeLibrarian(actor: CurrentUser, input: z.infer<typeof removeLibrarianSchema>) {
  return db.$transaction(async (tx) => {
    const row = await tx.institutionLibrarian.findUnique({
      where: { institutionId_userId: input },
      include: { user: { select: { email: true } }, institution: { select: { name: true } } },
    });
    if (!row) throw new NotFoundError('This person is not a librarian of this institution.');
    await tx.institutionLibrarian.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, {
      action: 'institution.librarian.remove',
      targetType: 'Institution',
      targetId: input.institutionId,
      summary: `Removed ${row.user.email} as a librarian of ${row.institution.name}`,
      before: { id: row.id, institutionId: row.institutionId, userId: row.userId },
    });
    return { ok: true };
  });
}
