import type { AccessDecision } from './decide-access';
import { formatIsoDate, formatTime } from '@/lib/format-date';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reader-facing reason, e.g. "Subscriber until 2027-03-01" or "24-hour access until 14:05 UTC tomorrow". */
export function describeAccess(decision: AccessDecision, now: Date): string | null {
  switch (decision.source) {
    case 'free':
      return 'Free article';
    case 'subscription':
      return `Subscriber until ${formatIsoDate(decision.until)}`;
    case 'institution':
      return `Access provided by ${decision.institution}`;
    case 'purchase': {
      const today = formatIsoDate(now);
      const tomorrow = formatIsoDate(new Date(now.getTime() + DAY_MS));
      const day = formatIsoDate(decision.until);
      const when = day === today ? 'today' : day === tomorrow ? 'tomorrow' : `on ${day}`;
      return `24-hour access until ${formatTime(decision.until)} ${when}`;
    }
    case 'none':
      return null;
  }
}
