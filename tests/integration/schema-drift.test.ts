import { describe, expect, it } from 'vitest';
import { diffSchemaAgainstMigrations } from '../../scripts/lib/schema-engine';

describe('database migrations', () => {
  it('build exactly the schema in prisma/schema (run npm run db:diff when this fails)', async () => {
    expect(await diffSchemaAgainstMigrations()).toBe('');
    // Prisma's schema engine in WASM replays every migration into two shadow databases: about 25 s
    // on a quiet 2-core machine, more while the e2e build runs beside the suite.
  }, 180_000);
});
