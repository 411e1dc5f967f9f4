// Ports and addresses shared by the Playwright config, the e2e server and the tests.
export function e2eSettings() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const dbPort = Number(process.env.E2E_DB_PORT ?? 54330);
  return {
    port,
    dbPort,
    baseUrl: `http://localhost:${port}`,
    // Separate builds let several suites run side by side (E2E_DIST_DIR=.next-e2e-b …).
    distDir: process.env.E2E_DIST_DIR ?? '.next-e2e',
    databaseUrl:
      process.env.E2E_DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres?sslmode=disable`,
    // The NCBI E-utilities stand-in the related-content tests start and stop (the server points there).
    ncbiPort: Number(process.env.E2E_NCBI_PORT ?? port + 17),
    // The SAML identity provider the institution sign-in tests start (on 127.0.0.1: another site).
    samlIdpPort: Number(process.env.E2E_SAML_IDP_PORT ?? port + 18),
  };
}
