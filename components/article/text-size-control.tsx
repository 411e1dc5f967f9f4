'use client';

import { useSyncExternalStore, type MouseEvent } from 'react';
import { parseTextSize, TEXT_SIZE_COOKIE, TEXT_SIZE_PATH, type TextSize as Size } from '@/lib/articles/text-size';

const SIZES: { value: Size; label: string }[] = [
  { value: 'small', label: 'Small text' },
  { value: 'medium', label: 'Medium text' },
  { value: 'large', label: 'Large text' },
];
const CHANGE_EVENT = 'text-size-change';

// The size lives on <html data-text-size>, set before first paint by /text-size.js from a cookie
// (and on the per-reader page's article too, rendered by the server from the same cookie).
function readSize(): Size {
  return parseTextSize(document.documentElement.getAttribute('data-text-size'));
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}

function storeSize(size: Size) {
  for (const el of document.querySelectorAll('[data-text-size]')) el.setAttribute('data-text-size', size);
  document.cookie = `${TEXT_SIZE_COOKIE}=${size}; path=/; max-age=31536000; samesite=lax`;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * "Text Size: A A A". `initial`: the size the server rendered (the per-reader page), else medium.
 * A form: without JavaScript each button posts to TEXT_SIZE_PATH, which sets the cookie and sends
 * the reader back to `returnTo` (the page then renders in that size); with it, the size changes in
 * place and nothing is sent.
 */
export function TextSizeControl({ initial, returnTo }: { initial: Size | null; returnTo: string }) {
  const size = useSyncExternalStore(subscribe, readSize, () => initial ?? 'medium');
  const choose = (value: Size) => (event: MouseEvent) => {
    event.preventDefault();
    storeSize(value);
  };
  return (
    // The form is only the way without JavaScript; the group is what a screen reader announces.
    <form method="post" action={TEXT_SIZE_PATH}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="text-size" role="group" aria-label="Text size">
        <span aria-hidden="true">Text Size:</span>
        {SIZES.map((s) => (
          <button
            key={s.value}
            type="submit"
            name="size"
            value={s.value}
            className={`text-size__button text-size__button--${s.value}`}
            aria-label={s.label}
            aria-pressed={size === s.value}
            onClick={choose(s.value)}
          >
            A
          </button>
        ))}
      </div>
    </form>
  );
}
