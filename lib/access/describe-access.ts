import type { AccessDecision } from './decide-access';

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDate(d: Date) {
  return d.toISOString().slice(0, 10);
}

function utcTime(d: Date) {
  return d.toISOString().slice(11, 16);
}

/** The reader-facing reason, e.g. "Subscriber until 2027-03-01" or "24-hour access until 14:05 UTC tomorrow". */
export function describeAccess(decision: AccessDecision, now: Date): string | null {
  switch (decision.source) {
    case 'free':
      return 'Free article';
    case 'subscription':
      return `Subscriber until ${isoDate(decision.until)}`;
    case 'institution':
      return `Access provided by ${decision.institution}`;
    case 'purchase': {
      const today = isoDate(now);
      const tomorrow = isoDate(new Date(now.getTime() + DAY_MS));
      const day = isoDate(decision.until);
      const when = day === today ? 'today' : day === tomorrow ? 'tomorrow' : `on ${day}`;
      return `24-hour access until ${utcTime(decision.until)} UTC ${when}`;
    }
    case 'none':
      return null;
  }
}
