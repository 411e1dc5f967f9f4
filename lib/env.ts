// Every setting the app reads, validated once. A missing or malformed value stops the server
// (and `next build`, which imports this file from next.config.ts) with one line naming the key.
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // Database: PostgreSQL URL. Empty → `npm start` runs the embedded PGlite server.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgresql:// URL' }).optional(),
  EMBEDDED_DB_PORT: port.refine((p) => p !== 5432, 'must not be 5432 (kept for a real PostgreSQL)').default(0),
  // Public address of the site, used for absolute links (Scholar citation_pdf_url, emails).
  SITE_URL: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }).default('http://localhost:3000'),
  PORT: port.default(3000),
});

export type Env = z.infer<typeof schema>;

function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === '' ? undefined : v]));
}

/** Validates `source`; throws an Error whose message is one line per bad key. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(emptyToUndefined(source));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `Invalid environment: ${issue.path.join('.')} ${issue.message}`);
  throw new Error(lines.join('\n'));
}

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

export const env = loadEnv();
