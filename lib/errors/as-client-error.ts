import { AppError, ValidationError } from './app-error';
import { isUnstorableText } from './database-errors';

/**
 * The error as the client's fault with a message for them (AppError, or text the database
 * refused), or null for our own faults. Route handlers and server actions both answer with it.
 */
export function asClientError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isUnstorableText(error))
    return new ValidationError(
      'The text contains a NUL character (\\u0000), which cannot be stored. Remove it and try again.',
    );
  return null;
}
