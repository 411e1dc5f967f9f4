// graphile-worker logs every job it completes at "info"; a server log should show only what an
// operator acts on: warnings and errors (a failed attempt, a lost connection).
import { Logger } from 'graphile-worker';

// Its LogLevel is a const enum, which isolated modules cannot read: compare the strings it holds.
export const jobLogger = new Logger(() => (level, message) => {
  const name = level as string;
  if (name === 'error') console.error(`[jobs] ${message}`);
  else if (name === 'warning') console.warn(`[jobs] ${message}`);
});
