import { ValidationError } from '@/lib/errors';

type Window = { releaseAt: Date; expiresAt: Date };

/** Why an activity cannot be taken at `now`, or null when it is open. */
export function describeAvailability(activity: Window, now: Date): string | null {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (now < activity.releaseAt) return `This CME activity opens on ${day(activity.releaseAt)}.`;
  if (now > activity.expiresAt)
    return `This CME activity expired on ${day(activity.expiresAt)} and no longer offers credit.`;
  return null;
}

/** Throws a ValidationError (422) unless the activity is open at `now`. */
export function assertAvailable(activity: Window, now: Date): void {
  const problem = describeAvailability(activity, now);
  if (problem) throw new ValidationError(problem);
}
