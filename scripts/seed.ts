// npm run db:seed – migrate, then seed the sample journal if the database is empty.
import { applyMigrations } from './lib/schema-engine';
import { withDatabase } from './lib/with-database';

withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  await applyMigrations(url);
  const { seedIfEmpty } = await import('../prisma/seed/seed-if-empty');
  const { db } = await import('@/lib/db');
  try {
    await seedIfEmpty();
  } finally {
    // The pool keeps idle connections for 30 s (lib/create-database-adapter.ts): without this the
    // command would sit that long after "seeded" before it exits.
    await db.$disconnect();
  }
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
