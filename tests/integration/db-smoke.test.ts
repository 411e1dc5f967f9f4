import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { resetDatabase } from '../support/reset-db';

describe('database', () => {
  beforeEach(resetDatabase);

  it('stores and reads a journal through the driver adapter', async () => {
    await db.journal.create({
      data: { slug: 'arch-dermatol', title: 'Archives of Dermatology', abbreviation: 'Arch Dermatol' },
    });
    const journal = await db.journal.findUnique({ where: { slug: 'arch-dermatol' } });
    expect(journal?.abbreviation).toBe('Arch Dermatol');
  });
});
