'use client';

import { useEffect, useState } from 'react';

function formatLeft(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/**
 * Live time left on a 24-hour purchase. The server's `until` is the truth; when the count
 * reaches zero the page asks the server again, which then answers with the preview.
 */
export function AccessCountdown({ until, onEnd }: { until: string; onEnd: () => void }) {
  const end = new Date(until).getTime();
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    const tick = () => {
      const ms = end - Date.now();
      setLeft(ms);
      if (ms <= 0) {
        clearInterval(timer);
        onEnd();
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [end, onEnd]);

  if (left === null) return null;
  return (
    <span className="access-countdown">
      {' '}
      · Time left: <time dateTime={until}>{formatLeft(left)}</time>
    </span>
  );
}
