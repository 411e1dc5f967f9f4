// The Related Content boxes and the rule for a saved order: only known box ids, each once.
// Pure (no I/O): shared by the API route, the sidebar component and the tests.
import { z } from 'zod';

export const BOX_IDS = ['see-also', 'by-topic', 'topics', 'pubmed'] as const;
export type BoxId = (typeof BOX_IDS)[number];
export const DEFAULT_BOX_ORDER: readonly BoxId[] = BOX_IDS;

/**
 * The cookie /related-order.js reads before first paint: box ids joined by ".", then "~" and the
 * hidden (collapsed) box ids, e.g. `pubmed.see-also.by-topic.topics~topics`. No "~": none hidden.
 */
export const BOX_ORDER_COOKIE = 'related-order';

export const boxOrderSchema = z
  .array(z.enum(BOX_IDS, { message: `Unknown box; known boxes are ${BOX_IDS.join(', ')}.` }))
  .length(BOX_IDS.length, `List every box once (${BOX_IDS.length} boxes).`)
  .refine((ids) => new Set(ids).size === ids.length, 'Each box may appear only once.');

/** The collapsed boxes: known ids, each at most once (none is fine). */
export const hiddenBoxesSchema = z
  .array(z.enum(BOX_IDS, { message: `Unknown box; known boxes are ${BOX_IDS.join(', ')}.` }))
  .max(BOX_IDS.length, `There are only ${BOX_IDS.length} boxes.`)
  .refine((ids) => new Set(ids).size === ids.length, 'Each box may be hidden only once.');

export const sidebarLayoutSchema = z.object({ order: boxOrderSchema, hidden: hiddenBoxesSchema });
export type SidebarLayout = z.infer<typeof sidebarLayoutSchema>;

/** What PUT /api/sidebar-layout accepts; `hidden` may be left out (nothing hidden). */
export const sidebarLayoutInput = z.object({ order: boxOrderSchema, hidden: hiddenBoxesSchema.default([]) });

export const DEFAULT_LAYOUT: SidebarLayout = { order: [...DEFAULT_BOX_ORDER], hidden: [] };

/** The layout in a cookie value, or null when it is missing or not a valid layout. */
export function parseBoxOrderCookie(value: string | undefined | null): SidebarLayout | null {
  if (!value) return null;
  const [order = '', hidden = '', ...rest] = value.split('~');
  if (rest.length) return null;
  const parsed = sidebarLayoutSchema.safeParse({ order: order.split('.'), hidden: hidden ? hidden.split('.') : [] });
  return parsed.success ? parsed.data : null;
}

export function formatBoxOrderCookie({ order, hidden }: SidebarLayout): string {
  return hidden.length ? `${order.join('.')}~${hidden.join('.')}` : order.join('.');
}

export function isDefaultLayout({ order, hidden }: SidebarLayout): boolean {
  return hidden.length === 0 && order.every((id, i) => id === DEFAULT_BOX_ORDER[i]);
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
