// Quiz submission: 50 concurrent graded submissions through submitAttempt (the function behind
// the quiz form and POST /api/cme/<id>/attempts), on a fresh in-memory embedded database running
// in this same process, several rounds; p50/p99 per submission. BENCH_QUIZ_CONCURRENCY and
// BENCH_ROUNDS change the load; BENCH_DATABASE_URL runs it on an empty PostgreSQL database
// instead (migrated and seeded here).
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { applyMigrations } from '../lib/schema-engine';

const concurrency = Number(process.env.BENCH_QUIZ_CONCURRENCY ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export type QuizFigures = {
  concurrency: number;
  attempts: number;
  database: string;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
};

export async function benchQuiz(): Promise<QuizFigures> {
  const external = process.env.BENCH_DATABASE_URL;
  const database = external ? null : await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 100 });
  const url = external ?? database!.url;
  process.env.DATABASE_URL = url;
  await applyMigrations(url);
  // Imported after DATABASE_URL is set: lib/db reads it once.
  const { db } = await import('@/lib/db');
  const { seedCme } = await import('@/prisma/seed/seed-cme');
  const { submitAttempt } = await import('@/lib/cme/submit-attempt');
  try {
    await seedCme();
    const activity = await db.cmeActivity.findFirstOrThrow({
      where: { title: { startsWith: 'A Proposed Model' } },
      include: { questions: { orderBy: { position: 'asc' }, include: { options: true } } },
    });
    const users = await Promise.all(
      Array.from({ length: concurrency }, (_, i) =>
        db.user.create({ data: { email: `bench-${i}@example.org`, name: `Bench ${i}`, passwordHash: 'x' } }),
      ),
    );
    // Half right: a failed attempt, so every learner may submit again next round.
    const answers = activity.questions.map((q, i) => ({
      questionId: q.id,
      optionId: q.options.find((o) => o.isPreferred === (i % 2 === 0))!.id,
    }));
    const submitOnce = async (userId: string) => {
      const started = performance.now();
      const result = await submitAttempt({ userId, activityId: activity.id, input: { answers }, now: new Date() });
      if (result.kind !== 'graded') throw new Error('expected a graded attempt');
      return performance.now() - started;
    };
    await Promise.all(users.map((u) => submitOnce(u.id))); // warm-up round
    const timings: number[] = [];
    const began = performance.now();
    for (let r = 0; r < rounds; r++) timings.push(...(await Promise.all(users.map((u) => submitOnce(u.id)))));
    const seconds = (performance.now() - began) / 1000;
    timings.sort((a, b) => a - b);
    return {
      concurrency,
      attempts: timings.length,
      database: external ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded PGlite, in memory, same process',
      perSecond: timings.length / seconds,
      p50: percentile(timings, 50),
      p99: percentile(timings, 99),
      max: timings.at(-1)!,
    };
  } finally {
    await db.$disconnect();
    await database?.stop();
  }
}
