// Ports and addresses shared by the Playwright config, the e2e server and the tests.
/** From the environment; `overrides` (scripts/test.ts's second shard) take precedence. */
export function e2eSettings(overrides: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...overrides };
  const port = Number(env.E2E_PORT ?? 3100);
  const dbPort = Number(env.E2E_DB_PORT ?? 54330);
  return {
    port,
    dbPort,
    baseUrl: `http://localhost:${port}`,
    // Separate builds let several suites run side by side (E2E_DIST_DIR=.next-e2e-b …).
    distDir: env.E2E_DIST_DIR ?? '.next-e2e',
    databaseUrl: env.E2E_DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres?sslmode=disable`,
    // The NCBI E-utilities stand-in the related-content tests start and stop (the server points there).
    ncbiPort: Number(env.E2E_NCBI_PORT ?? port + 17),
    // The SAML identity provider the institution sign-in tests start (on 127.0.0.1: another site).
    samlIdpPort: Number(env.E2E_SAML_IDP_PORT ?? port + 18),
  };
}
