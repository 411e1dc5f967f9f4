// The box layout in this browser (order and hidden boxes): a cookie (read before first paint by
// /related-order.js) and what that script sets on <html> — one CSS `order` variable per box and
// data-related-hidden. Used through useSyncExternalStore.
import {
  BOX_ORDER_COOKIE,
  DEFAULT_LAYOUT,
  formatBoxOrderCookie,
  parseBoxOrderCookie,
  type SidebarLayout,
} from '@/lib/related/box-order';

const CHANGE_EVENT = 'related-order-change';
let cached: { raw: string; layout: SidebarLayout } = { raw: '', layout: DEFAULT_LAYOUT };

export function readBoxLayout(): SidebarLayout {
  const raw = new RegExp(`(?:^|; )${BOX_ORDER_COOKIE}=([a-z.~-]+)`).exec(document.cookie)?.[1] ?? '';
  // Same object while the cookie is unchanged, as useSyncExternalStore requires.
  if (raw !== cached.raw) cached = { raw, layout: parseBoxOrderCookie(raw) ?? DEFAULT_LAYOUT };
  return cached.layout;
}

export function subscribeBoxLayout(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}

export function writeBoxLayout(layout: SidebarLayout) {
  const html = document.documentElement;
  layout.order.forEach((id, i) => html.style.setProperty(`--related-order-${id}`, String(i)));
  html.setAttribute('data-related-hidden', layout.hidden.join(' '));
  document.cookie = `${BOX_ORDER_COOKIE}=${formatBoxOrderCookie(layout)}; path=/; max-age=31536000; samesite=lax`;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
