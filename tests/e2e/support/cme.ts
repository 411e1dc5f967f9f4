// CME fixtures for the browser tests: a fresh learner per test, and the seeded quiz's key.
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { e2eSettings } from '../settings';
import { uniqueEmail } from './auth';

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A new verified reader, straight into the database. Hashed with bcryptjs at the cost
 * lib/auth/password.ts uses (that module is server-only and cannot load in the test runner).
 */
export async function createLearner(name: string) {
  const email = uniqueEmail('cme');
  const password = 'quiet meadow lantern 42';
  const hash = await bcrypt.hash(password, 11);
  await withClient((c) =>
    c.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "emailVerifiedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'reader', now(), now(), now())`,
      [`e2e${Date.now()}${Math.floor(Math.random() * 1e6)}`, email, name, hash],
    ),
  );
  return { email, password };
}

/** The seeded activity on the seed article: its id and, per question in order, the preferred option's position. */
export async function loadSeedQuiz() {
  return withClient(async (c) => {
    const { rows } = await c.query<{ activityId: string; position: number; preferred: number }>(
      `SELECT a.id AS "activityId", q.position, o.position AS preferred
         FROM "CmeActivity" a JOIN "CmeQuestion" q ON q."activityId" = a.id
         JOIN "CmeOption" o ON o."questionId" = q.id AND o."isPreferred"
        WHERE a.title LIKE 'Intravenous Immunoglobulin%' ORDER BY q.position`,
    );
    return { activityId: rows[0]!.activityId, preferred: rows.map((r) => r.preferred) };
  });
}

export async function countAttempts(email: string): Promise<number> {
  return withClient(async (c) => {
    const { rows } = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM "CmeAttempt" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1`,
      [email],
    );
    return Number(rows[0]!.n);
  });
}

export async function readCommitment(email: string): Promise<string | null> {
  return withClient(async (c) => {
    const { rows } = await c.query<{ commitment: string | null }>(
      `SELECT t.commitment FROM "CmeAttempt" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1 AND t.result = 'passed'`,
      [email],
    );
    return rows[0]?.commitment ?? null;
  });
}
