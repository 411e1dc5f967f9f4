'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

function formatLeft(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

function spokenLeft(ms: number) {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(minutes, 'minute');
  return rest ? `${plural(hours, 'hour')} ${plural(rest, 'minute')}` : plural(hours, 'hour');
}

/** The moments worth telling a screen-reader user about, besides load and the end. */
export const ANNOUNCE_AT_MS = [3600_000, 600_000, 60_000] as const;

/**
 * What to announce when the time left goes from `before` (null: just loaded) to `now`, or null
 * for an ordinary second. Pure, so the moments are tested without waiting a day.
 */
export function countdownAnnouncement(before: number | null, now: number): string | null {
  if (now <= 0) return before === null || before > 0 ? 'Your 24-hour access has ended.' : null;
  if (before === null) return `Your 24-hour access to this article has ${spokenLeft(now)} left.`;
  // Said as the time actually left, so a tab that slept past a moment is still told the truth.
  return ANNOUNCE_AT_MS.some((at) => before > at && now <= at) ? `${spokenLeft(now)} of access left.` : null;
}

const ANNOUNCER_ID = 'access-countdown-announcer';

/**
 * One visually hidden polite live region on <body>, made once and kept: the countdown is gone
 * (the page shows the preview again) when "access has ended" is read, so it cannot live inside it.
 */
function announcer(): HTMLElement {
  let el = document.getElementById(ANNOUNCER_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = ANNOUNCER_ID;
    el.className = 'visually-hidden';
    el.setAttribute('aria-live', 'polite');
    el.setAttribute('aria-atomic', 'true');
    document.body.append(el);
  }
  return el;
}

/**
 * Live time left on a 24-hour purchase. The server's `until` is the truth; when the count
 * reaches zero the page asks the server again, which then answers with the preview. Without
 * JavaScript the reader sees the end time in the access notice instead.
 * The ticking clock is not a live region (aria-live="off", even inside the access notice's
 * role="status"): a screen reader would read it every second. Only the moments in
 * countdownAnnouncement are spoken, through the separate announcer.
 */
export function AccessCountdown({ until, onEnd }: { until: string; onEnd: () => void }) {
  const end = new Date(until).getTime();
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    const region = announcer();
    let before: number | null = null;
    let firstTimer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const ms = end - Date.now();
      setLeft(ms);
      const message = countdownAnnouncement(before, ms);
      if (message) {
        // The first message waits a moment: a region's text set as it appears is often not read.
        if (before === null) firstTimer = setTimeout(() => (region.textContent = message), 500);
        else region.textContent = message;
      }
      before = ms;
      if (ms <= 0) {
        clearInterval(timer);
        onEnd();
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => {
      clearInterval(timer);
      clearTimeout(firstTimer);
    };
  }, [end, onEnd]);

  if (left === null) return null;
  return (
    <span className="access-countdown" aria-live="off">
      {' '}
      · Time left: <time dateTime={until}>{formatLeft(left)}</time>
    </span>
  );
}

const EndAccess = createContext<() => void>(() => {});

/**
 * A 24-hour purchase's text on the article page: when the countdown inside it reaches the end
 * the server gave (`until`), the text goes and the access panel (rendered by the server beside
 * it) takes its place. Without JavaScript the notice shows the end time, and a reload after it
 * gets the panel from the server.
 */
export function TimedAccess({ panel, children }: { panel: ReactNode; children: ReactNode }) {
  const [hasEnded, setHasEnded] = useState(false);
  return <EndAccess.Provider value={() => setHasEnded(true)}>{hasEnded ? panel : children}</EndAccess.Provider>;
}

/** The countdown inside TimedAccess. */
export function PurchaseCountdown({ until }: { until: string }) {
  return <AccessCountdown until={until} onEnd={useContext(EndAccess)} />;
}
