// The in-memory institution ranges each server instance keeps (scripts/lib/institution-ranges.mjs)
// against the real database: they agree with PostgreSQL's own inet/cidr match, and an admin's
// change reaches a running watcher through the version row the trigger bumps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { findInstitutionsForIp } from '@/lib/access/find-institutions-for-ip';
import { watchInstitutionRanges } from '../../scripts/lib/institution-ranges.mjs';
import { resetDatabase } from '../support/reset-db';

const query = (sql: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
let watcher: ReturnType<typeof watchInstitutionRanges> | null = null;

beforeEach(async () => {
  await resetDatabase();
  await db.institutionRangeVersion.create({ data: { id: 1, version: 0 } }); // the row the migration makes
  await db.institution.create({
    data: {
      name: 'Mercy General',
      activeFrom: new Date(Date.now() - 86_400_000),
      ranges: { create: [{ cidr: '203.0.113.0/24' }, { cidr: '2001:db8:1::/48' }, { cidr: '10.20.0.0/16' }] },
    },
  });
});
afterEach(() => watcher?.stop());

describe('institution ranges in memory', () => {
  it('match exactly the addresses the database matches, IPv4 and IPv6', async () => {
    watcher = watchInstitutionRanges({ query, intervalMs: 60_000 });
    await watcher.ready;
    expect(watcher.isLoaded()).toBe(true);
    for (const ip of [
      '203.0.113.0',
      '203.0.113.255',
      '203.0.114.0',
      '203.0.112.255',
      '10.20.255.1',
      '10.21.0.1',
      '2001:db8:1::',
      '2001:db8:1:ffff:ffff:ffff:ffff:ffff',
      '2001:db8:2::1',
      '::1',
      '127.0.0.1',
    ]) {
      const inDatabase = (await findInstitutionsForIp(ip)).length > 0;
      expect(watcher.contains(ip), ip).toBe(inDatabase);
    }
    expect(watcher.contains(null)).toBe(false);
    expect(watcher.contains('not an address')).toBe(false);
  });

  it('pick up an added and a removed range within a poll, without reading the ranges when nothing changed', async () => {
    const statements: string[] = [];
    watcher = watchInstitutionRanges({
      query: (sql) => {
        statements.push(sql);
        return query(sql);
      },
      intervalMs: 100,
    });
    await watcher.ready;
    expect(watcher.contains('192.0.2.10')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(statements.filter((s) => s.includes('"cidr"')).length).toBe(1); // only the first load

    const institution = await db.institution.findFirstOrThrow();
    const added = await db.institutionRange.create({ data: { institutionId: institution.id, cidr: '192.0.2.0/24' } });
    await expect.poll(() => watcher!.contains('192.0.2.10'), { timeout: 2000 }).toBe(true);
    await db.institutionRange.delete({ where: { id: added.id } });
    await expect.poll(() => watcher!.contains('192.0.2.10'), { timeout: 2000 }).toBe(false);
    await db.institutionRange.updateMany({ where: { cidr: '10.20.0.0/16' }, data: { cidr: '10.30.0.0/16' } });
    await expect.poll(() => watcher!.contains('10.30.1.1'), { timeout: 2000 }).toBe(true);
    await db.institutionRange.deleteMany({});
    await expect.poll(() => watcher!.contains('203.0.113.5'), { timeout: 2000 }).toBe(false);
  });

  it('keep the last list while the database fails, and count everyone as possibly entitled before the first load', async () => {
    let isDown = false;
    const logs: string[] = [];
    watcher = watchInstitutionRanges({
      query: (sql) => (isDown ? Promise.reject(new Error('database away')) : query(sql)),
      intervalMs: 50,
      log: (m) => logs.push(m),
    });
    await watcher.ready;
    isDown = true;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher.contains('203.0.113.5')).toBe(true);
    expect(watcher.contains('192.0.2.10')).toBe(false);
    expect(logs).toHaveLength(1);
    watcher.stop();

    const cold = watchInstitutionRanges({ query: () => Promise.reject(new Error('away')), log: () => {} });
    await cold.ready;
    expect(cold.isLoaded()).toBe(false);
    expect(cold.contains('192.0.2.10')).toBe(true);
    cold.stop();
  });
});
