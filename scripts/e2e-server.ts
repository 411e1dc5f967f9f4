// The server the Playwright suite runs against: a fresh in-memory embedded database on
// E2E_DB_PORT (so tests can also reach it), migrated and seeded, and a production build in
// .next-e2e served by our server (scripts/server.mjs) on E2E_PORT, as a test deployment.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { startEmbeddedDatabase } from './lib/embedded-db';
import { buildRecordingSources, isBuildCurrent } from './lib/build-freshness';
import { applyMigrations } from './lib/schema-engine';
import { e2eSettings } from '../tests/e2e/settings';
import { generateSamlKeyPair } from '../lib/saml/generate-saml-key-pair';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

function run(args: string[], extraEnv: Partial<NodeJS.ProcessEnv> = {}): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    const forward = () => child.kill('SIGTERM');
    process.once('SIGTERM', forward);
    process.once('SIGINT', forward);
    child.on('exit', (code) => resolve(code));
  });
}

async function main() {
  const settings = e2eSettings();
  let url = settings.databaseUrl;
  if (!process.env.E2E_DATABASE_URL) {
    const db = await startEmbeddedDatabase({ dataDir: 'memory://', port: settings.dbPort });
    url = db.url;
  }
  Object.assign(process.env, {
    DATABASE_URL: url,
    // A test deployment, not production: the test clock is refused in production (lib/env-schema.ts).
    // The build itself is a production build, and Next serves it as one whatever NODE_ENV says
    // (only "development" picks its dev runtime).
    NODE_ENV: 'test',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: settings.distDir,
    SITE_URL: settings.baseUrl,
    PORT: String(settings.port),
    NEXTAUTH_URL: settings.baseUrl,
    TEST_CLOCK_ENABLED: 'true',
    // The suite plays the proxy: it sends X-Forwarded-For from loopback to test institution ranges.
    TRUSTED_PROXIES: 'loopback',
    // Every test registers from loopback; the throttle itself is tested from addresses of its own.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '1000',
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64'),
    NCBI_EUTILS_BASE: `http://127.0.0.1:${settings.ncbiPort}/entrez/eutils`,
  });
  // The SAML service provider's key pair, new for each run (signed AuthnRequests, metadata).
  if (!process.env.SAML_SP_PRIVATE_KEY) {
    const pair = await generateSamlKeyPair('journal-e2e-sp');
    Object.assign(process.env, { SAML_SP_PRIVATE_KEY: pair.privateKeyPem, SAML_SP_CERTIFICATE: pair.certificatePem });
  }
  await applyMigrations(url);
  const { seedIfEmpty } = await import('../prisma/seed/seed-if-empty');
  await seedIfEmpty();
  if (!isBuildCurrent(settings.distDir)) {
    // A production build (the clock is read when the server runs, not when it is built).
    const code = await buildRecordingSources(settings.distDir, (env) =>
      run([nextBin, 'build'], { ...env, NODE_ENV: 'production', TEST_CLOCK_ENABLED: 'false' }),
    );
    if (code !== 0) process.exit(code ?? 1);
  }
  process.exit((await run([new URL('./server.mjs', import.meta.url).pathname])) ?? 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
