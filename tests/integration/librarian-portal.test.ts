// The librarian portal's domain on the real database: pasting ranges (preview, overlaps, all or
// nothing, audit), removing, testing an address, holdings and KBART, history, and above all
// scoping: a librarian never sees or changes another institution.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assignLibrarian, removeLibrarian } from '@/lib/admin/institution-librarians';
import {
  addRangesFromPaste,
  listOwnRanges,
  previewRangePaste,
  removeOwnRange,
} from '@/lib/librarian/institution-ranges';
import { formatKbart, serialRow, KBART_COLUMNS } from '@/lib/librarian/kbart';
import { listLibrarianInstitutions, pickInstitution } from '@/lib/librarian/librarian-institutions';
import { listHoldings } from '@/lib/librarian/list-holdings';
import { listPortalHistory } from '@/lib/librarian/list-portal-history';
import type { Librarian } from '@/lib/librarian/require-librarian';
import { testAddress } from '@/lib/librarian/test-address';
import { watchInstitutionRanges } from '../../scripts/lib/institution-ranges.mjs';
import { resetDatabase } from '../support/reset-db';

const DAY = 86_400_000;
let own: { id: string; name: string };
let other: { id: string; name: string };
let librarian: Librarian;
let admin: CurrentUser;
let watcher: ReturnType<typeof watchInstitutionRanges> | null = null;

const userOf = (u: { id: string; name: string; email: string }, role: 'reader' | 'admin' = 'reader'): CurrentUser => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role,
  emailVerified: true,
  sessionId: 'test-session',
});
const otherRanges = () =>
  db.institutionRange.findMany({ where: { institutionId: other.id }, orderBy: { cidr: 'asc' } });

beforeEach(async () => {
  await resetDatabase();
  await db.institutionRangeVersion.create({ data: { id: 1, version: 0 } }); // the row the migration makes
  const now = Date.now();
  own = await db.institution.create({
    data: {
      name: 'Demo University Hospital',
      activeFrom: new Date(now - DAY),
      activeUntil: new Date(now + 365 * DAY),
      ranges: { create: [{ cidr: '198.51.100.0/24' }, { cidr: '2001:db8:1::/48' }] },
    },
    select: { id: true, name: true },
  });
  other = await db.institution.create({
    data: {
      name: 'Secret Other College',
      activeFrom: new Date(now - DAY),
      ranges: { create: [{ cidr: '192.0.2.0/25' }] },
    },
    select: { id: true, name: true },
  });
  const u = await db.user.create({
    data: {
      email: 'librarian@example.org',
      name: 'Lee Librarian',
      passwordHash: 'x',
      librarianOf: { create: { institutionId: own.id } },
    },
  });
  librarian = { user: userOf(u), institution: own, institutions: [own] };
  const a = await db.user.create({
    data: { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', role: 'admin' },
  });
  admin = userOf(a, 'admin');
});
afterEach(() => {
  watcher?.stop();
  watcher = null;
});

describe('previewing a paste', () => {
  it('says per line what it read, what saving adds, and warns of overlaps with its own ranges, other lines and other institutions', async () => {
    const preview = await previewRangePaste(
      own.id,
      [
        '198.51.100.0/24', // 1: already there
        '198.51.100.128/25', // 2: inside an own range
        '2001:db8::/32', // 3: covers an own range
        '192.0.2.100', // 4: another institution's
        '8.8.4.0/24', // 5: new
        '8.8.4.7', // 6: inside line 5
      ].join('\n'),
    );
    expect(preview.problems).toEqual([]);
    const [same, inside, covers, foreign, fresh, nested] = preview.lines;
    expect(same).toMatchObject({ toAdd: [], overlaps: ['198.51.100.0/24 is already in your list.'] });
    expect(inside).toMatchObject({
      toAdd: ['198.51.100.128/25'],
      overlaps: [
        '198.51.100.128/25 is already covered by your 198.51.100.0/24.',
        '198.51.100.128/25 overlaps line 1 (198.51.100.0/24).',
      ],
    });
    expect(covers?.overlaps).toEqual(['2001:db8::/32 covers your 2001:db8:1::/48 (you may remove that one).']);
    expect(foreign?.overlaps.join(' ')).toMatch(
      /192\.0\.2\.100\/32 overlaps a range registered to another institution/,
    );
    expect(fresh).toMatchObject({ toAdd: ['8.8.4.0/24'], overlaps: [] });
    expect(nested?.overlaps).toEqual(['8.8.4.7/32 overlaps line 5 (8.8.4.0/24).']);
    expect(preview.toAdd).toEqual(['198.51.100.128/25', '2001:db8::/32', '192.0.2.100/32', '8.8.4.0/24', '8.8.4.7/32']);
    // The other institution is never named, nor its range shown.
    expect(JSON.stringify(preview)).not.toMatch(/Secret Other College|192\.0\.2\.0\/25/);
  });
});

describe('saving a paste', () => {
  it('adds every new block in one step, audited under the institution, and the in-memory ranges pick it up', async () => {
    const query = (sql: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
    watcher = watchInstitutionRanges({ query, intervalMs: 100 });
    await watcher.ready;
    expect(watcher.contains('8.8.4.9')).toBe(false);

    const outcome = await addRangesFromPaste(
      librarian,
      '8.8.4.0/24\n198.51.100.0/24\n2001:db8:2::5-2001:db8:2::6 # lab',
    );
    expect(outcome).toMatchObject({ saved: true, message: 'Added 3 ranges.' });
    expect(outcome.added).toEqual(['8.8.4.0/24', '2001:db8:2::5/128', '2001:db8:2::6/128']);
    expect((await listOwnRanges(own.id)).map((r) => r.cidr)).toEqual([
      '8.8.4.0/24',
      '198.51.100.0/24',
      '2001:db8:1::/48',
      '2001:db8:2::5/128',
      '2001:db8:2::6/128',
    ]);
    const audit = await db.auditEvent.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'librarian.ranges.add',
      targetType: 'Institution',
      targetId: own.id,
      actorEmail: 'librarian@example.org',
      summary: 'Added 3 ranges: 8.8.4.0/24, 2001:db8:2::5/128, 2001:db8:2::6/128',
    });
    await expect.poll(() => watcher!.contains('8.8.4.9'), { timeout: 3000 }).toBe(true);
  });

  it('changes nothing when any line is unreadable, when everything is already there, or when the paste is empty', async () => {
    const before = await listOwnRanges(own.id);
    const refused = await addRangesFromPaste(librarian, '8.8.4.0/24\nnot an address\n0.0.0.0/0');
    expect(refused).toMatchObject({ saved: false, added: [] });
    expect(refused.message).toBe('2 lines could not be read. Nothing was changed: correct them and save again.');
    expect(refused.preview.problems).toEqual([
      'Line 2: “not an address”: put one address or range on each line.',
      expect.stringMatching(/^Line 3: “0\.0\.0\.0\/0” is too broad/),
    ]);
    expect((await addRangesFromPaste(librarian, '198.51.100.0/24')).message).toBe(
      'Every range is already in your list. Nothing was changed.',
    );
    expect((await addRangesFromPaste(librarian, '\n  # only a comment\n')).saved).toBe(false);
    expect(await listOwnRanges(own.id)).toEqual(before);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it('keeps a list below its limit: a paste that would pass it changes nothing', async () => {
    // Two ranges already (the seed's); 1,996 more leave room for exactly two.
    await db.institutionRange.createMany({
      data: Array.from({ length: 1996 }, (_, i) => ({ institutionId: own.id, cidr: `9.${i >> 8}.${i & 255}.0/24` })),
    });
    const outcome = await addRangesFromPaste(librarian, '8.8.4.1\n8.8.4.2');
    expect(outcome.saved).toBe(true);
    const over = await addRangesFromPaste(librarian, '8.8.4.3');
    expect(over.message).toMatch(/would hold 2001 ranges, more than 2000\. Nothing was changed/);
    expect(await db.institutionRange.count({ where: { institutionId: own.id } })).toBe(2000);
  });
});

describe('scoping: a librarian never sees or changes another institution', () => {
  it('cannot remove another institution’s range by its id (answered as a missing range), nor see it listed', async () => {
    const [foreign] = await otherRanges();
    expect(await removeOwnRange(librarian, foreign!.id)).toEqual({ removed: null });
    expect(await otherRanges()).toHaveLength(1);
    expect((await listOwnRanges(own.id)).map((r) => r.cidr)).not.toContain('192.0.2.0/25');
    expect(await db.auditEvent.count()).toBe(0);

    const [mine] = await listOwnRanges(own.id);
    expect(await removeOwnRange(librarian, mine!.id)).toEqual({ removed: '198.51.100.0/24' });
    expect(await db.auditEvent.findFirst()).toMatchObject({ action: 'librarian.ranges.remove', targetId: own.id });
  });

  it('adds only to the institution of the session, whatever a paste holds', async () => {
    await addRangesFromPaste(librarian, '192.0.2.0/25');
    expect((await otherRanges()).map((r) => r.cidr)).toEqual(['192.0.2.0/25']);
    expect(await db.institutionRange.count({ where: { institutionId: own.id, cidr: '192.0.2.0/25' } })).toBe(1);
  });

  it('works only on institutions the user administers: a remembered choice of another is ignored', async () => {
    const mine = await listLibrarianInstitutions(librarian.user.id);
    expect(mine).toEqual([own]);
    expect(pickInstitution(mine, other.id)).toEqual(own);
    expect(await listLibrarianInstitutions(admin.id)).toEqual([]);
    expect(pickInstitution([], own.id)).toBeNull();
  });

  it('tests addresses against its own ranges only, and lists only its own history', async () => {
    const foreign = await testAddress(own.id, '192.0.2.7', new Date());
    expect(foreign).toMatchObject({ ok: true, isRecognised: false, matches: [] });
    await db.auditEvent.create({
      data: {
        actorEmail: 'x@example.org',
        action: 'institution.update',
        targetType: 'Institution',
        targetId: other.id,
        summary: 'Edited Secret Other College',
      },
    });
    await addRangesFromPaste(librarian, '8.8.4.0/24');
    const { entries } = await listPortalHistory(own.id);
    expect(entries.map((e) => e.summary)).toEqual(['Added range: 8.8.4.0/24']);
    expect(entries[0]?.by).toBe('librarian@example.org');
  });
});

describe('testing an address', () => {
  it('answers whether it is recognised and by which range, most specific first, IPv4 and IPv6', async () => {
    await db.institutionRange.create({ data: { institutionId: own.id, cidr: '198.51.100.0/28' } });
    expect(await testAddress(own.id, '198.51.100.7', new Date())).toEqual({
      ok: true,
      address: '198.51.100.7',
      matches: ['198.51.100.0/28', '198.51.100.0/24'],
      isRecognised: true,
      isAccessOpen: true,
      warning:
        '198.51.100.7/32 is in 198.51.100.0/24, a documentation range (RFC 5737): readers never arrive from it on the internet.',
    });
    expect(await testAddress(own.id, '::ffff:198.51.100.200', new Date())).toMatchObject({
      address: '198.51.100.200',
      matches: ['198.51.100.0/24'],
      isRecognised: true,
    });
    expect(await testAddress(own.id, '2001:DB8:1::abcd', new Date())).toMatchObject({
      address: '2001:db8:1::abcd',
      isRecognised: true,
    });
    expect(await testAddress(own.id, '198.51.101.1', new Date())).toMatchObject({ isRecognised: false, matches: [] });
    const refused = await testAddress(own.id, 'campus', new Date());
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toBe(
      '“campus” is not an IPv4 or IPv6 address (e.g. 203.0.113.7 or 2001:db8::7).',
    );
  });

  it('says an address in a range is not recognised while the institution’s access is not open', async () => {
    const later = new Date(Date.now() + 400 * DAY);
    expect(await testAddress(own.id, '198.51.100.7', later)).toMatchObject({
      matches: ['198.51.100.0/24'],
      isAccessOpen: false,
      isRecognised: false,
    });
  });
});

describe('subscription, holdings and KBART', () => {
  beforeEach(async () => {
    const journal = await db.journal.create({
      data: {
        slug: 'archdermatol',
        title: 'Archives of Dermatology',
        abbreviation: 'Arch Dermatol',
        issn: '0003-987X',
        eissn: '1538-3652',
      },
    });
    const issue = (volume: string, number: string, year: number, month: number, isCurrent = false) =>
      db.issue.create({
        data: { journalId: journal.id, volume, number, year, month, dateLabel: `${year}`, isCurrent },
      });
    const first = await issue('147', '12', 2011, 12);
    const last = await issue('148', '4', 2012, 4, true);
    await issue('149', '1', 2013, 1); // no articles yet: not part of the coverage
    let n = 0;
    for (const [i, isFree] of [
      [first, false],
      [first, true],
      [last, false],
    ] as const)
      await db.article.create({
        data: {
          doi: `10.1001/x.${n++}`,
          journalId: journal.id,
          issueId: i.id,
          articleType: 'research-article',
          title: 'T',
          previewHtml: '',
          fullTextHtml: '',
          isFree,
        },
      });
  });

  it('lists what an active institution reads, with coverage from the first issue to the present', async () => {
    const holdings = await listHoldings(own.id, new Date());
    expect(holdings.status).toBe('active');
    expect(holdings.titles).toEqual([
      expect.objectContaining({
        title: 'Archives of Dermatology',
        first: { date: '2011-12', volume: '147', issue: '12' },
        last: null,
        articleCount: 3,
        issueCount: 2,
        freeCount: 1,
      }),
    ]);
    const [header, row] = formatKbart(holdings.titles.map(serialRow)).split('\n');
    expect(header?.split('\t')).toEqual([...KBART_COLUMNS]);
    expect(row?.split('\t').slice(0, 7)).toEqual([
      'Archives of Dermatology',
      '0003-987X',
      '1538-3652',
      '2011-12',
      '147',
      '12',
      '',
    ]);
  });

  it('lists nothing readable once the access has ended (the KBART file is its header alone)', async () => {
    await db.institution.update({ where: { id: own.id }, data: { activeUntil: new Date(Date.now() - 1000) } });
    const holdings = await listHoldings(own.id, new Date());
    expect(holdings).toMatchObject({ status: 'ended', titles: [] });
    expect(holdings.allTitles).toHaveLength(1);
    expect(formatKbart(holdings.titles.map(serialRow))).toBe(`${KBART_COLUMNS.join('\t')}\n`);
  });
});

describe('assigning librarians (admin console)', () => {
  it('assigns an existing account once, audited, and the assignment ends on removal', async () => {
    const reader = await db.user.create({
      data: { email: 'head.librarian@example.org', name: 'Head', passwordHash: 'x' },
    });
    await expect(assignLibrarian(admin, { institutionId: other.id, email: 'nobody@example.org' })).rejects.toThrow(
      /No account uses nobody@example\.org.*Nothing was changed/,
    );
    expect(await assignLibrarian(admin, { institutionId: other.id, email: 'head.librarian@example.org' })).toEqual({
      ok: true,
    });
    expect(
      (await assignLibrarian(admin, { institutionId: other.id, email: 'head.librarian@example.org' })).warnings,
    ).toEqual(['head.librarian@example.org is already a librarian of Secret Other College.']);
    expect(await listLibrarianInstitutions(reader.id)).toEqual([other]);
    await removeLibrarian(admin, { institutionId: other.id, userId: reader.id });
    expect(await listLibrarianInstitutions(reader.id)).toEqual([]);
    expect((await db.auditEvent.findMany({ orderBy: { createdAt: 'asc' } })).map((e) => e.action)).toEqual([
      'institution.librarian.assign',
      'institution.librarian.remove',
    ]);
    // Our staff's changes show in the institution's history as such, without the staff member's address.
    expect((await listPortalHistory(other.id)).entries.map((e) => e.by)).toEqual([
      'Publisher staff',
      'Publisher staff',
    ]);
  });
});
