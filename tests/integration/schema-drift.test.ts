import { describe, expect, it } from 'vitest';
import { diffSchemaAgainstMigrations } from '../../scripts/lib/schema-engine';

describe('database migrations', () => {
  it('build exactly the schema in prisma/schema (run npm run db:diff when this fails)', async () => {
    expect(await diffSchemaAgainstMigrations()).toBe('');
  });
});
