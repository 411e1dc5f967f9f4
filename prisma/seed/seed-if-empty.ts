import 'server-only';
import { db } from '@/lib/db';
import { seedSampleJournal } from './seed-sample-journal';

/** Seeds the sample journal on an empty database; a database with any journal is left alone. */
export async function seedIfEmpty(): Promise<boolean> {
  if ((await db.journal.count()) > 0) {
    console.log('Database already has content: seed skipped.');
    return false;
  }
  await seedSampleJournal();
  return true;
}
