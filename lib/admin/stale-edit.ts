import { AppError } from '@/lib/errors/app-error';

/** The record changed after the form was loaded: refuse rather than overwrite someone's edit. */
export class StaleEditError extends AppError {
  constructor(what: string) {
    super(
      `This ${what} was changed by someone else after you opened it. Reload the page, check the new values and try again. Nothing was changed.`,
      'conflict',
      'stale',
    );
  }
}

export function assertFresh(what: string, current: Date, expected: string) {
  if (current.toISOString() !== new Date(expected).toISOString()) throw new StaleEditError(what);
}
