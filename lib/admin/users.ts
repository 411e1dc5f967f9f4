import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { revokeUserSessions } from '@/lib/auth/user-sessions';
import { listPage, pageField } from './paging';
import { recordAudit } from './record-audit';

export const userSearchSchema = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  page: pageField,
});

/** Users whose email or name contains `q`, newest first, one page at a time. */
export async function searchUsers({ q, page }: z.infer<typeof userSearchSchema>) {
  const where = q
    ? {
        OR: [
          { email: { contains: q, mode: 'insensitive' as const } },
          { name: { contains: q, mode: 'insensitive' as const } },
        ],
      }
    : {};
  return listPage(
    page,
    (window) =>
      db.user.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        ...window,
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          disabledAt: true,
          emailVerifiedAt: true,
          createdAt: true,
        },
      }),
    () => db.user.count({ where }),
  );
}

/** One user's account and everything that gives them access. */
export async function getUserSummary(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      subscriptions: { orderBy: { currentPeriodEnd: 'desc' } },
      purchases: { orderBy: { confirmedAt: 'desc' }, include: { article: { select: { title: true, doi: true } } } },
      memberships: true,
    },
  });
  if (!user) throw new NotFoundError('No user has this id.');
  const { passwordHash: _hidden, ...safe } = user;
  return safe;
}

export const setRoleSchema = z.object({ userId: z.string().min(1).max(40), role: z.enum(['reader', 'admin']) });

export async function setUserRole(actor: CurrentUser, { userId, role }: z.infer<typeof setRoleSchema>) {
  if (userId === actor.id && role !== 'admin')
    throw new AppError('You cannot remove your own admin role: ask another administrator.', 'conflict', 'self');
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, email: true } });
    if (!before) throw new NotFoundError('No user has this id.');
    const after = await tx.user.update({ where: { id: userId }, data: { role }, select: { role: true } });
    await recordAudit(tx, actor, {
      action: 'user.role',
      targetType: 'User',
      targetId: userId,
      summary: `Role of ${before.email}: ${before.role} → ${role}`,
      before: { role: before.role },
      after,
    });
    return after;
  });
}

export const setDisabledSchema = z.object({ userId: z.string().min(1).max(40), disabled: z.boolean() });

/** Disabling ends the user's sessions at once (revoked, so re-enabling does not revive them) and blocks sign-in. */
export async function setUserDisabled(actor: CurrentUser, { userId, disabled }: z.infer<typeof setDisabledSchema>) {
  if (userId === actor.id) throw new AppError('You cannot disable your own account.', 'conflict', 'self');
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true, email: true } });
    if (!before) throw new NotFoundError('No user has this id.');
    const after = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? new Date() : null },
      select: { disabledAt: true },
    });
    if (disabled) await revokeUserSessions(userId, { client: tx });
    await recordAudit(tx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      targetType: 'User',
      targetId: userId,
      summary: `${disabled ? 'Disabled' : 'Re-enabled'} ${before.email}`,
      before,
      after,
    });
    return after;
  });
}
