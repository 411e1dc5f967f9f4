import 'server-only';
import { db } from '@/lib/db';
import { isDefaultLayout, sidebarLayoutInput, sidebarLayoutSchema, type SidebarLayout } from './box-order';

/** The reader's saved layout, or null when none is saved (or what is saved is no longer valid). */
export async function getSidebarLayout(userId: string): Promise<SidebarLayout | null> {
  const row = await db.sidebarLayout.findUnique({ where: { userId }, select: { boxIds: true, hiddenBoxIds: true } });
  if (!row) return null;
  const parsed = sidebarLayoutSchema.safeParse({ order: row.boxIds, hidden: row.hiddenBoxIds });
  return parsed.success ? parsed.data : null;
}

/** Saves a layout after validating it (throws a ZodError → 422 for unknown or repeated ids). */
export async function saveSidebarLayout(userId: string, input: unknown): Promise<SidebarLayout> {
  const layout = sidebarLayoutInput.parse(input);
  const data = { boxIds: layout.order, hiddenBoxIds: layout.hidden };
  // Reset stores nothing: the default may change later, and a reader who reset should follow it.
  if (isDefaultLayout(layout)) await db.sidebarLayout.deleteMany({ where: { userId } });
  else await db.sidebarLayout.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return layout;
}
