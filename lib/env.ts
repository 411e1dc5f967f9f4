// The validated settings of this process. A missing or malformed value stops the server (and
// `next build`, which imports this file from next.config.ts) with one line naming the key.
import { parseEnv, type Env } from './env-schema';

export type { Env };

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

export const env = loadEnv();
