// Every setting the app reads and how it is validated. Pure: lib/env.ts validates the running
// process once; launchers (scripts/start.ts) validate before they add DATABASE_URL themselves.
import { z } from 'zod';

import { checkSamlSpKeyPair, pemSetting } from './saml/sp-key-pair';
import { readPublicKeys, readSigningKey } from './cme/certificate-token';

const port = z.coerce.number().int().min(0).max(65535);
const milliseconds = z.coerce.number().int().min(100, 'must be at least 100 (milliseconds)');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // Database: PostgreSQL URL. Empty → `npm start` runs the embedded PGlite server.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgresql:// URL' }).optional(),
  EMBEDDED_DB_PORT: port.refine((p) => p !== 5432, 'must not be 5432 (kept for a real PostgreSQL)').default(0),
  // Database: how long a request waits on PostgreSQL before it answers "briefly unavailable" (503)
  // rather than hang, e.g. when the network to the database stalls. Milliseconds.
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds.default(3000),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds.default(5000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds.default(10_000),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  // Database: "true" makes the client emit an event per SQL statement (db.$on('query')), for the
  // tests that count a page's statements. Off in a real deployment.
  DATABASE_STATEMENT_EVENTS: z.stringbool().default(false),
  // Public address of the site, used for absolute links (Scholar citation_pdf_url, emails).
  // Empty: http://localhost:<PORT>.
  SITE_URL: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }).optional(),
  PORT: port.default(3000),
  // Client addresses: X-Forwarded-For is believed only from these proxies (comma-separated IPs/CIDRs,
  // or "loopback"), e.g. the nginx in front. Empty: the socket address is the client.
  TRUSTED_PROXIES: z.string().default(''),
  // Sessions: secret that signs session cookies. Required in production; generate with `openssl rand -base64 32`.
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Email: SMTP URL (smtp://user:pass@host:587). Empty: emails go to the outbox table and the server log.
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional(),
  EMAIL_FROM: z.string().default('Archives of Dermatology <no-reply@localhost>'),
  // Email: sending attempts before an email goes to the failure list (/admin/jobs); waits grow as e^n seconds.
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(8),
  // Stripe webhooks: attempts to apply a received event before it goes to the failure list (/admin/jobs).
  STRIPE_EVENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(10),
  // Background jobs: "false" starts no job workers in this instance (jobs still queue for the others).
  JOB_WORKERS: z.stringbool().default(true),
  // Background jobs: jobs one instance runs at once, and how many seconds a job may stay claimed
  // before the others take it as abandoned by a killed instance (longer than any job runs).
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  JOB_STALE_LOCK_SECONDS: z.coerce.number().int().min(5).default(300),
  // CME: days after a learner writes a Commitment to Change before we email to ask whether the
  // change was made (ACCME asks providers to follow up on intended change; 4 weeks by default).
  CME_FOLLOW_UP_DELAY_DAYS: z.coerce.number().int().min(1, 'must be at least 1 (day)').max(365).default(28),
  // COUNTER usage: where recorded events wait for the database (lib/usage/usage-spool.ts), so a
  // killed process loses none. Instances on one machine may share it. Empty: .data/usage-spool.
  USAGE_SPOOL_DIR: z.string().trim().optional(),
  // COUNTER usage: "false" records nothing (benchmarks compare page views with and without it).
  USAGE_RECORDING: z.stringbool().default(true),
  // Registrations allowed from one client address per hour (a library's shared address may need more).
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(10),
  // Tests only: lets the e2e suite move the server clock (/api/test-clock). Refused in production.
  TEST_CLOCK_ENABLED: z.stringbool().default(false),
  // Payments: Stripe secret key. Empty: the local test-payment provider stands in (no money is taken),
  // except in production, where payments are off unless UNSAFE_TEST_PAYMENTS_IN_PRODUCTION is true.
  STRIPE_SECRET_KEY: z.string().trim().startsWith('sk_', 'must start with sk_').optional(),
  // Payments: signing secret of the webhook endpoint /api/stripe/webhook (whsec_…).
  STRIPE_WEBHOOK_SECRET: z.string().trim().startsWith('whsec_', 'must start with whsec_').optional(),
  // Payments, production without a Stripe key: "true" lets anyone take a subscription or a purchase
  // for free through the local test-payment provider (a demo). `npm start` on the embedded database
  // sets it; the server warns at start whenever it is on.
  UNSAFE_TEST_PAYMENTS_IN_PRODUCTION: z.stringbool().default(false),
  // Payments: Stripe Price IDs of the monthly and annual subscription plans (price_…).
  STRIPE_PRICE_MONTHLY: z.string().trim().startsWith('price_', 'must start with price_').optional(),
  STRIPE_PRICE_ANNUAL: z.string().trim().startsWith('price_', 'must start with price_').optional(),
  // Tests only: where the Stripe SDK sends requests (a local stand-in), e.g. http://127.0.0.1:12111.
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }).optional(),
  // Payments: plan prices shown on /subscribe, in cents (Stripe charges what the Price IDs say).
  SUBSCRIPTION_MONTHLY_CENTS: z.coerce.number().int().positive().default(2900),
  SUBSCRIPTION_ANNUAL_CENTS: z.coerce.number().int().positive().default(29900),
  SUBSCRIPTION_CURRENCY: z
    .string()
    .regex(/^[a-z]{3}$/, 'must be a 3-letter lower-case currency code')
    .default('usd'),
  // PubMed box: NCBI E-utilities base URL (tests point it at a local stand-in), and the tool name and
  // contact email NCBI asks every caller to send.
  NCBI_EUTILS_BASE: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
    .default('https://eutils.ncbi.nlm.nih.gov/entrez/eutils'),
  NCBI_TOOL: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, _ . or -')
    .default('journal-platform'),
  NCBI_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  // How long a fetched PubMed list is used before NCBI is asked again.
  PUBMED_CACHE_HOURS: z.coerce.number().positive().default(24),
  // Cited By: Crossref member credentials for getForwardLinks. Empty: the stored citations are shown.
  CROSSREF_USER: z.string().trim().optional(),
  CROSSREF_PASSWORD: z.string().optional(),
  CROSSREF_BASE: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
    .default('https://doi.crossref.org'),
  // CME certificates: the private key that signs them (PKCS#8 PEM, \n allowed for newlines, or a
  // private JWK; Ed25519 or P-256). Required in production (the server refuses to start without
  // it; `npm start` keeps a generated one in .data/). Empty in development and tests: a fixed
  // development key. Generate: openssl genpkey -algorithm ed25519
  CME_SIGNING_KEY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      try {
        readSigningKey(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  // SAML sign-in (lib/saml): the service provider's private key (PKCS#8 or RSA PEM, \n allowed for
  // newlines) and its X.509 certificate, published in /saml/metadata for signing and encryption.
  // Set both or neither; `npm start` keeps a generated pair in .data/. Without them AuthnRequests
  // are unsigned and encrypted assertions cannot be read. Generate:
  // openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj /CN=journal-sp -keyout sp.key -out sp.crt
  SAML_SP_PRIVATE_KEY: pemSetting,
  SAML_SP_CERTIFICATE: pemSetting,
  // SAML: the service provider's entityID. Empty: <SITE_URL>/saml/metadata.
  SAML_SP_ENTITY_ID: z.url({ message: 'must be an absolute URL' }).optional(),
  // SAML: hours an institution sign-in lasts (less when the IdP's SessionNotOnOrAfter says so).
  SAML_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Days a personal account paired with an institution keeps its access off campus before the
  // reader must sign in through the institution or visit on campus again.
  INSTITUTION_PAIRING_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // CME certificates, after a key rotation: the public keys of earlier signing keys, published
  // beside the current one (/.well-known/cme-signing-key.json) so certificates they signed still
  // verify. PEM blocks (public keys; a private key's public half is used), or JSON: a JWK, an array
  // of JWKs, or a saved copy of the published JWK Set. Rotate: save the key set, set it here, then
  // put the new key in CME_SIGNING_KEY.
  CME_PREVIOUS_SIGNING_KEYS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      try {
        readPublicKeys(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
});

// With a Stripe key, everything Stripe needs must be there too (a half-configured Stripe fails at start).
const stripeKeys = ['STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_MONTHLY', 'STRIPE_PRICE_ANNUAL'] as const;
const checkedSchema = schema
  .superRefine((value, ctx) => {
    // Whoever can reach /api/test-clock could expire every entitlement: never in production.
    if (value.TEST_CLOCK_ENABLED && value.NODE_ENV === 'production')
      ctx.addIssue({ code: 'custom', path: ['TEST_CLOCK_ENABLED'], message: 'must not be set in production' });
    const samlProblem = checkSamlSpKeyPair(value.SAML_SP_PRIVATE_KEY, value.SAML_SP_CERTIFICATE);
    if (samlProblem) ctx.addIssue({ code: 'custom', path: [samlProblem.key], message: samlProblem.message });
    if (!value.STRIPE_SECRET_KEY) return;
    for (const key of stripeKeys) {
      if (!value[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when STRIPE_SECRET_KEY is set' });
    }
  })
  .transform((value) => ({
    ...value,
    SITE_URL: value.SITE_URL ?? `http://localhost:${value.PORT}`,
    PAYMENT_PROVIDER: paymentProviderOf(value),
  }));

/**
 * Who takes payments: Stripe when it has a key; else the local test-payment provider, which gives
 * access away, so in production only when explicitly allowed; else nobody (checkout says so).
 */
function paymentProviderOf(value: z.output<typeof schema>): 'stripe' | 'test' | 'none' {
  if (value.STRIPE_SECRET_KEY) return 'stripe';
  if (value.NODE_ENV !== 'production' || value.UNSAFE_TEST_PAYMENTS_IN_PRODUCTION) return 'test';
  return 'none';
}

export type Env = z.output<typeof checkedSchema>;

function emptyToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === '' ? undefined : v]));
}

/** Validates `source`; throws an Error whose message is one line per bad key. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = checkedSchema.safeParse(emptyToUndefined(source));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `Invalid environment: ${issue.path.join('.')} ${issue.message}`);
  throw new Error(lines.join('\n'));
}
