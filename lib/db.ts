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
  return new PrismaClient({ adapter });
}

// One client per process, also across Next's dev-mode module reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
