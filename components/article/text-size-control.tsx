'use client';

import { useEffect, useState } from 'react';

const SIZES = [
  { value: 'small', label: 'Small text' },
  { value: 'medium', label: 'Medium text' },
  { value: 'large', label: 'Large text' },
] as const;
type Size = (typeof SIZES)[number]['value'];

/** "Text Size: A A A". The choice lives in a cookie that /text-size.js applies before first paint. */
export function TextSizeControl() {
  const [size, setSize] = useState<Size>('medium');

  useEffect(() => {
    const current = document.documentElement.getAttribute('data-text-size');
    if (current === 'small' || current === 'large') setSize(current);
  }, []);

  function choose(next: Size) {
    setSize(next);
    document.documentElement.setAttribute('data-text-size', next);
    document.cookie = `text-size=${next}; path=/; max-age=31536000; samesite=lax`;
  }

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
          onClick={() => choose(s.value)}
        >
          A
        </button>
      ))}
    </div>
  );
}
