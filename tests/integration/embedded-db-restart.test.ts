import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../scripts/lib/embedded-db';
import { applyMigrations } from '../../scripts/lib/schema-engine';

// `npm start` without DATABASE_URL keeps its data in a folder (.data/pglite): stopping and
// starting it again must lose nothing, including what was written just before the stop.
describe('embedded database with a data folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-embedded-'));
  const dataDir = path.join(dir, 'pglite');
  let running: EmbeddedDatabase | null = null;
  const clients: PrismaClient[] = [];
  const connect = (url: string) => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    clients.push(client);
    return client;
  };

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect().catch(() => {})));
    await running?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every write across a stop and a start', async () => {
    running = await startEmbeddedDatabase({ dataDir });
    await applyMigrations(running.url);
    const before = connect(running.url);
    const journal = await before.journal.create({
      data: { slug: 'arch-dermatol', title: 'Archives of Dermatology', abbreviation: 'Arch Dermatol' },
    });
    await before.user.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        email: `reader-${i}@example.com`,
        name: `Reader ${i}`,
        passwordHash: 'x',
      })),
    });
    // The last write right before the stop, with the app's connection still open (as at Ctrl-C).
    await before.user.update({ where: { email: 'reader-49@example.com' }, data: { name: 'Last Write' } });
    await running.stop();
    running = null;

    running = await startEmbeddedDatabase({ dataDir });
    const after = connect(running.url);
    expect(await after.journal.findUnique({ where: { id: journal.id } })).toMatchObject({ title: journal.title });
    expect(await after.user.count()).toBe(50);
    expect((await after.user.findUnique({ where: { email: 'reader-49@example.com' } }))?.name).toBe('Last Write');
    // The migration history survived too: a second `npm start` applies nothing.
    expect(await applyMigrations(running.url)).toEqual([]);
  });
});
