import 'server-only';
import { db } from '@/lib/db';
import { boxOrderSchema, DEFAULT_BOX_ORDER, type BoxId } from './box-order';

/** The reader's saved order, or null when none is saved (or what is saved is no longer valid). */
export async function getSidebarLayout(userId: string): Promise<BoxId[] | null> {
  const row = await db.sidebarLayout.findUnique({ where: { userId }, select: { boxIds: true } });
  const parsed = boxOrderSchema.safeParse(row?.boxIds);
  return parsed.success ? parsed.data : null;
}

/** Saves an order after validating it (throws a ZodError → 422 for unknown or repeated ids). */
export async function saveSidebarLayout(userId: string, order: unknown): Promise<BoxId[]> {
  const boxIds = boxOrderSchema.parse(order);
  const isDefault = boxIds.every((id, i) => id === DEFAULT_BOX_ORDER[i]);
  // Reset stores nothing: the default may change later, and a reader who reset should follow it.
  if (isDefault) await db.sidebarLayout.deleteMany({ where: { userId } });
  else await db.sidebarLayout.upsert({ where: { userId }, create: { userId, boxIds }, update: { boxIds } });
  return boxIds;
}
