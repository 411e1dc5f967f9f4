import { describe, expect, it } from 'vitest';
import { countdownAnnouncement } from '@/components/article/access-countdown';

const H = 3600_000;
const M = 60_000;

describe('the purchase countdown speaks only at meaningful moments', () => {
  it('announces the time left on load', () => {
    expect(countdownAnnouncement(null, 24 * H - 5_000)).toBe('Your 24-hour access to this article has 24 hours left.');
    expect(countdownAnnouncement(null, 2 * H + 30 * M)).toBe(
      'Your 24-hour access to this article has 2 hours 30 minutes left.',
    );
    expect(countdownAnnouncement(null, 5 * M)).toBe('Your 24-hour access to this article has 5 minutes left.');
  });

  it('stays silent on ordinary seconds', () => {
    let silent = 0;
    for (let ms = 3 * H; ms > 2 * H; ms -= 1000) if (countdownAnnouncement(ms + 1000, ms) === null) silent++;
    expect(silent).toBe(3600);
  });

  it('announces 1 hour, 10 minutes and 1 minute left, and the end, once each', () => {
    const spoken: string[] = [];
    for (let ms = H + 3000; ms > -3000; ms -= 1000) {
      const message = countdownAnnouncement(ms + 1000, ms);
      if (message) spoken.push(message);
    }
    expect(spoken).toEqual([
      '1 hour of access left.',
      '10 minutes of access left.',
      '1 minute of access left.',
      'Your 24-hour access has ended.',
    ]);
    // A tab asleep for a while jumps past a moment: it is still announced, with the real time left.
    expect(countdownAnnouncement(2 * H, 30 * M)).toBe('30 minutes of access left.');
  });
});
