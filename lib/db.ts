import 'server-only';
import { PrismaClient } from '@/generated/prisma/client';
import { createDatabaseAdapter } from '@/lib/create-database-adapter';
import { env } from '@/lib/env';

function createClient() {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.');
  }
  // Fail fast when the database is away or hangs (a 503, not a hung request); reconnect by itself later.
  const adapter = createDatabaseAdapter(env.DATABASE_URL, env);
  return new PrismaClient({
    adapter,
    ...(env.DATABASE_STATEMENT_EVENTS && { log: [{ emit: 'event' as const, level: 'query' as const }] }),
  });
}

// One client (one connection pool) per process: across Next's dev-mode module reloads, and
// between the bundles of one server (instrumentation.ts, which runs the job workers, is bundled
// apart from the routes; without this each had its own pool, past DATABASE_POOL_SIZE).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;
