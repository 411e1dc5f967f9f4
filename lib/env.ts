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
  // Client addresses: X-Forwarded-For is believed only from these proxies (comma-separated IPs/CIDRs,
  // or "loopback"), e.g. the nginx in front. Empty: the socket address is the client.
  TRUSTED_PROXIES: z.string().default(''),
  // Sessions: secret that signs session cookies. Required in production; generate with `openssl rand -base64 32`.
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Email: SMTP URL (smtp://user:pass@host:587). Empty: emails go to the outbox table and the server log.
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional(),
  EMAIL_FROM: z.string().default('Archives of Dermatology <no-reply@localhost>'),
  // Tests only: lets the e2e suite move the server clock (/api/test-clock). Never set in production.
  TEST_CLOCK_ENABLED: z.stringbool().default(false),
});

export type Env = z.infer<typeof schema>;

function emptyToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === '' ? undefined : v]));
}

/** Validates `source`; throws an Error whose message is one line per bad key. */
export function parseEnv(source: Record<string, string | undefined>): Env {
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
