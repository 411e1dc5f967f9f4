// The box order in this browser: a cookie (read before first paint by /related-order.js) and
// the CSS variables that script sets. Used through useSyncExternalStore.
import {
  BOX_ORDER_COOKIE,
  DEFAULT_BOX_ORDER,
  formatBoxOrderCookie,
  parseBoxOrderCookie,
  type BoxId,
} from '@/lib/related/box-order';

const CHANGE_EVENT = 'related-order-change';
let cached: { raw: string; order: readonly BoxId[] } = { raw: '', order: DEFAULT_BOX_ORDER };

export function readBoxOrder(): readonly BoxId[] {
  const raw = new RegExp(`(?:^|; )${BOX_ORDER_COOKIE}=([a-z.-]+)`).exec(document.cookie)?.[1] ?? '';
  // Same array while the cookie is unchanged, as useSyncExternalStore requires.
  if (raw !== cached.raw) cached = { raw, order: parseBoxOrderCookie(raw) ?? DEFAULT_BOX_ORDER };
  return cached.order;
}

export function readServerBoxOrder(): readonly BoxId[] {
  return DEFAULT_BOX_ORDER;
}

export function subscribeBoxOrder(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}

export function writeBoxOrder(order: readonly BoxId[]) {
  const style = document.documentElement.style;
  order.forEach((id, i) => style.setProperty(`--related-order-${id}`, String(i)));
  document.cookie = `${BOX_ORDER_COOKIE}=${formatBoxOrderCookie(order)}; path=/; max-age=31536000; samesite=lax`;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
