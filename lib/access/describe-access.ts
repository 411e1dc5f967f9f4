import type { AccessDecision } from './decide-access';
import { formatDate, formatTime } from '@/lib/format-date';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The reader-facing reason, e.g. "Subscriber until 1 March 2027" or "24-hour access until 14:05 UTC
 * tomorrow". A purchase's end is a moment, written in `timeZone` (the reader's, named), and so is
 * its "today"; a subscription's term is a date of the journal's.
 */
export function describeAccess(decision: AccessDecision, now: Date, timeZone: string): string | null {
  switch (decision.source) {
    case 'free':
      return 'Free article';
    case 'subscription':
      return `Subscriber until ${formatDate(decision.until)}`;
    case 'institution':
      return `Access provided by ${decision.institution}`;
    case 'purchase': {
      const today = formatDate(now, timeZone);
      const tomorrow = formatDate(new Date(now.getTime() + DAY_MS), timeZone);
      const day = formatDate(decision.until, timeZone);
      const when = day === today ? 'today' : day === tomorrow ? 'tomorrow' : `on ${day}`;
      return `24-hour access until ${formatTime(decision.until, timeZone)} ${when}`;
    }
    case 'none':
      return null;
  }
}
