// Gives the integration suite a migrated, empty PostgreSQL-speaking database:
// TEST_DATABASE_URL when set (CI runs the suite again on a real PostgreSQL), otherwise an
// in-memory embedded PGlite server that lives for this run.
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../../scripts/lib/embedded-db';
import { applyMigrations } from '../../scripts/lib/schema-engine';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const embedded = await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 50 });
    url = embedded.url;
    stop = embedded.stop;
  }
  await applyMigrations(url);
  project.provide('databaseUrl', url);
  return stop;
}
