import 'server-only';
import { now, setTestClockOffset } from '@/lib/clock';
import { db } from '@/lib/db';

/**
 * Tests only (TEST_CLOCK_ENABLED): moves the server's clock, and the job queue with it. Jobs are
 * scheduled by the server's clock (a follow-up four weeks after a commitment), but the queue
 * compares run_at with the database's own clock, which a test cannot move; so jobs due by the
 * moved clock are made due now. Nothing else about them changes (attempts, keys, payloads).
 */
export async function moveTestClock(offsetMs: number): Promise<Date> {
  setTestClockOffset(offsetMs);
  const at = now();
  await db.$executeRaw`
    SELECT graphile_worker.reschedule_jobs(array_agg(id), run_at => now())
    FROM graphile_worker.jobs
    WHERE locked_at IS NULL AND run_at > now() AND run_at <= ${at}
    HAVING count(*) > 0`;
  return at;
}
