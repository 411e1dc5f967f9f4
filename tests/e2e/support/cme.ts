// CME fixtures and steps for the browser tests: a fresh learner per test, the seeded quiz's key,
// and the learner's way through a quiz (pass, evaluate, claim).
import { expect, type Page } from '@playwright/test';
import bcrypt from 'bcryptjs';
import { uniqueEmail } from './auth';
import { sql } from './db';

/**
 * A new verified reader, straight into the database. Hashed with bcryptjs at the cost
 * lib/auth/password.ts uses (that module is server-only and cannot load in the test runner).
 */
export async function createLearner(name: string) {
  const email = uniqueEmail('cme');
  const password = 'quiet meadow lantern 42';
  const hash = await bcrypt.hash(password, 11);
  await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "emailVerifiedAt", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'reader', now(), now(), now())`,
    [`e2e${Date.now()}${Math.floor(Math.random() * 1e6)}`, email, name, hash],
  );
  return { email, password };
}

/** The seeded activity on the seed article: its id and, per question in order, the preferred option's position. */
export async function loadSeedQuiz() {
  const rows = await sql<{ activityId: string; position: number; preferred: number }>(
    `SELECT a.id AS "activityId", q.position, o.position AS preferred
       FROM "CmeActivity" a JOIN "CmeQuestion" q ON q."activityId" = a.id
       JOIN "CmeOption" o ON o."questionId" = q.id AND o."isPreferred"
      WHERE a.title LIKE 'Intravenous Immunoglobulin%' ORDER BY q.position`,
  );
  return { activityId: rows[0]!.activityId, preferred: rows.map((r) => r.preferred) };
}

export async function countAttempts(email: string): Promise<number> {
  const rows = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM "CmeAttempt" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1`,
    [email],
  );
  return Number(rows[0]!.n);
}

export async function readCommitment(email: string): Promise<string | null> {
  const rows = await sql<{ commitment: string | null }>(
    `SELECT t.commitment FROM "CmeAttempt" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1 AND t.result = 'passed'`,
    [email],
  );
  return rows[0]?.commitment ?? null;
}

/** Question n (1-based) of the quiz on the page. */
export const quizQuestion = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^${n}\\. `) });

/** Answers every question with its preferred option (`preferred` from loadSeedQuiz) and submits. */
export async function passQuiz(page: Page, preferred: number[]) {
  for (let n = 1; n <= preferred.length; n++)
    await quizQuestion(page, n)
      .getByRole('radio')
      .nth(preferred[n - 1]!)
      .check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
}

/** Sends the evaluation that must precede the claim: the objectives rating given, relevant, bias as given. */
export async function sendEvaluation(
  page: Page,
  { objectivesMet = '4: Agree', isFreeOfBias = 'Yes' }: { objectivesMet?: string; isFreeOfBias?: 'Yes' | 'No' } = {},
) {
  await page
    .getByRole('group', { name: 'The learning objectives of this activity were met.' })
    .getByLabel(objectivesMet)
    .check();
  await page.getByRole('group', { name: 'The content was relevant to my practice.' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'The activity was free of commercial bias.' }).getByLabel(isFreeOfBias).check();
  await page.getByRole('button', { name: 'Send evaluation' }).click();
  await expect(page.getByRole('button', { name: 'Claim credit' })).toBeVisible();
}

/** Attests and claims the activity's full credit (1 credit for the seeded quiz). */
export async function claimFullCredit(page: Page) {
  await page.getByLabel('I claim only the credit commensurate with the extent of my participation').check();
  await page.getByRole('button', { name: 'Claim credit' }).click();
  await expect(page.getByText('You claimed 1 AMA PRA Category 1 Credit™.')).toBeVisible();
}
