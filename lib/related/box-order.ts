// The Related Content boxes and the rule for a saved order: only known box ids, each once.
// Pure (no I/O): shared by the API route, the sidebar component and the tests.
import { z } from 'zod';

export const BOX_IDS = ['see-also', 'by-topic', 'topics', 'pubmed'] as const;
export type BoxId = (typeof BOX_IDS)[number];
export const DEFAULT_BOX_ORDER: readonly BoxId[] = BOX_IDS;

/** The cookie /related-order.js reads before first paint: box ids joined by ".". */
export const BOX_ORDER_COOKIE = 'related-order';

export const boxOrderSchema = z
  .array(z.enum(BOX_IDS, { message: `Unknown box; known boxes are ${BOX_IDS.join(', ')}.` }))
  .length(BOX_IDS.length, `List every box once (${BOX_IDS.length} boxes).`)
  .refine((ids) => new Set(ids).size === ids.length, 'Each box may appear only once.');

export const sidebarLayoutInput = z.object({ order: boxOrderSchema });

/** The order in a cookie value, or null when it is missing or not a valid order. */
export function parseBoxOrderCookie(value: string | undefined | null): BoxId[] | null {
  if (!value) return null;
  const parsed = boxOrderSchema.safeParse(value.split('.'));
  return parsed.success ? parsed.data : null;
}

export function formatBoxOrderCookie(order: readonly BoxId[]): string {
  return order.join('.');
}

/** Moves `active` to where `over` is, as a drop does. */
export function moveBox(order: readonly BoxId[], active: BoxId, over: BoxId): BoxId[] {
  const from = order.indexOf(active);
  const to = order.indexOf(over);
  if (from < 0 || to < 0 || from === to) return [...order];
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, active);
  return next;
}
