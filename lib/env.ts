// The validated settings of this process. A missing or malformed value stops the server (and
// `next build`, which loads this file from next.config.js) with one line naming the key.
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

// next-auth builds its callback and redirect addresses from NEXTAUTH_URL (else localhost:3000):
// the site's public address is the right one, so an instance started with only SITE_URL (behind
// a proxy, on https) does not send readers to localhost.
process.env.NEXTAUTH_URL ??= env.SITE_URL;
