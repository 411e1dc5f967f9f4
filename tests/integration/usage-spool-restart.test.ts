// COUNTER uses survive the recorder's end: a process killed with SIGKILL (here while the database
// is away, so nothing of its own reached it) leaves its uses in the spool, and the next flush of
// another process writes them, once; a spool file already written but not deleted (the process
// died between the two) is not counted again; SIGTERM writes everything before the process exits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { flushUsageEvents } from '@/lib/usage/usage-event-buffer';
import { resetDatabase } from '../support/reset-db';

const root = path.resolve(import.meta.dirname, '../..');
const spoolDir = process.env.USAGE_SPOOL_DIR!;
let articleId = '';
let institutionId = '';

/** Starts a recorder of `count` uses; resolves with it once they are recorded. */
async function startRecorder(count: number, databaseUrl: string) {
  // Node itself with tsx as a loader (the tsx command would put a process of its own in between,
  // and a SIGKILL would end that one, not the recorder).
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'tests/support/record-usage-child.ts', articleId, String(count)],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('recorded') && resolve());
    child.once('exit', (code) => reject(new Error(`recorder exited ${code} before recording`)));
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited };
}

const countEvents = () => db.usageEvent.count({ where: { institutionId } });
const spoolFiles = () => fs.readdirSync(spoolDir);

beforeAll(async () => {
  await resetDatabase();
  institutionId = (
    await db.institution.create({
      data: {
        name: 'Restart University',
        activeFrom: new Date('2025-01-01'),
        ranges: { create: [{ cidr: '198.51.100.0/24' }] },
      },
    })
  ).id;
  const journal = await db.journal.create({
    data: { slug: 'restart', title: 'Restart Journal', abbreviation: 'Restart J' },
  });
  articleId = (
    await db.article.create({
      data: {
        doi: '10.5555/restart',
        title: 'Restarted',
        journalId: journal.id,
        articleType: 'research-article',
        previewHtml: '<p>p</p>',
        fullTextHtml: '<p>t</p>',
        keywords: [],
        publishedOnline: new Date('2025-01-01'),
      },
    })
  ).id;
});

describe('the usage spool', () => {
  it('keeps the uses of a killed recorder for the next process, and writes them once', async () => {
    // No database where the recorder looks: its own flush fails, as during an outage.
    const recorder = await startRecorder(40, 'postgresql://postgres@127.0.0.1:9/nowhere');
    recorder.child.kill('SIGKILL');
    expect(await recorder.exited).toBe('SIGKILL');
    expect(await countEvents()).toBe(0);
    expect(spoolFiles()).toHaveLength(1);
    // The reader's address waits sealed, never readable in the file.
    expect(fs.readFileSync(path.join(spoolDir, spoolFiles()[0]!), 'utf8')).not.toContain('198.51.100');

    await flushUsageEvents({ withOrphans: true });
    expect(await countEvents()).toBe(40);
    expect(spoolFiles()).toEqual([]);
    const [month] = await db.usageMonthCount.findMany({ where: { institutionId } });
    expect(month).toMatchObject({ totalRequests: 40, uniqueRequests: 40 });
  });

  it('does not count again a file whose uses were written before its process died', async () => {
    const recorder = await startRecorder(5, 'postgresql://postgres@127.0.0.1:9/nowhere');
    recorder.child.kill('SIGKILL');
    await recorder.exited;
    const [name] = spoolFiles();
    // What the dead process's last transaction did, had it got that far before the kill.
    await db.usageSpoolSegment.create({ data: { name: name! } });
    await flushUsageEvents({ withOrphans: true });
    expect(await countEvents()).toBe(40);
    expect(spoolFiles()).toEqual([]);
  });

  it('writes everything on SIGTERM before the recorder exits', async () => {
    const recorder = await startRecorder(30, process.env.DATABASE_URL!);
    recorder.child.kill('SIGTERM');
    expect(await recorder.exited).toBe(0);
    expect(await countEvents()).toBe(70);
    expect(spoolFiles()).toEqual([]);
  });
});
