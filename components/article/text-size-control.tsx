'use client';

import { useSyncExternalStore } from 'react';

const SIZES = [
  { value: 'small', label: 'Small text' },
  { value: 'medium', label: 'Medium text' },
  { value: 'large', label: 'Large text' },
] as const;
type Size = (typeof SIZES)[number]['value'];
const CHANGE_EVENT = 'text-size-change';

// The size lives on <html data-text-size>, set before first paint by /text-size.js from a cookie.
function readSize(): Size {
  const value = document.documentElement.getAttribute('data-text-size');
  return value === 'small' || value === 'large' ? value : 'medium';
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}

function storeSize(size: Size) {
  document.documentElement.setAttribute('data-text-size', size);
  document.cookie = `text-size=${size}; path=/; max-age=31536000; samesite=lax`;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** "Text Size: A A A". */
export function TextSizeControl() {
  const size = useSyncExternalStore(subscribe, readSize, () => 'medium');
  return (
    <div className="text-size" role="group" aria-label="Text size">
      <span aria-hidden="true">Text Size:</span>
      {SIZES.map((s) => (
        <button
          key={s.value}
          type="button"
          className={`text-size__button text-size__button--${s.value}`}
          aria-label={s.label}
          aria-pressed={size === s.value}
          onClick={() => storeSize(s.value)}
        >
          A
        </button>
      ))}
    </div>
  );
}
