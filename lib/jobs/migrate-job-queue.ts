// The queue's tables live in their own PostgreSQL schema (graphile_worker), created and upgraded
// by graphile-worker's own migrations, so Prisma's migrations and the schema-drift check never
// see them. Runs wherever our migrations run (scripts/lib/schema-engine.ts) and again when a
// worker starts.
import { runMigrations } from 'graphile-worker';
import { jobLogger } from './job-logger';

export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  // Named prepared statements clash on the embedded database, where every connection shares
  // one PGlite session; unnamed ones cost little on PostgreSQL.
  await runMigrations({ connectionString: databaseUrl, noPreparedStatements: true, logger: jobLogger });
}
