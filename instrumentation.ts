// Next calls onRequestError with every error it caught while answering a request. A page that
// failed because the database is away is noted, so our server answers it 503 rather than Next's
// 500 (lib/http/database-unavailable.mjs).
import type { Instrumentation } from 'next';
import { isDatabaseUnavailable } from '@/lib/errors';
import { noteDatabaseUnavailable } from '@/lib/http/database-unavailable.mjs';

export const onRequestError: Instrumentation.onRequestError = (error) => {
  if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
  return Promise.resolve();
};
