import { ValidationError } from '@/lib/errors/app-error';
import { formatDate } from '@/lib/format-date';

type Window = { releaseAt: Date; expiresAt: Date };

/** Why an activity cannot be taken or claimed at `now`, or null when it is open. */
export function describeAvailability(activity: Window, now: Date): string | null {
  if (now < activity.releaseAt)
    return `This CME activity opens on ${formatDate(activity.releaseAt)}. Until then it takes no quiz attempts and no credit claims.`;
  if (now > activity.expiresAt)
    return `This CME activity expired on ${formatDate(activity.expiresAt)}. It no longer takes quiz attempts or credit claims, and no credit can be earned from it.`;
  return null;
}

/** Throws a ValidationError (422) unless the activity is open at `now`. */
export function assertAvailable(activity: Window, now: Date): void {
  const problem = describeAvailability(activity, now);
  if (problem) throw new ValidationError(problem);
}
