import 'server-only';
import { db } from '@/lib/db';
import { CME_ACTIVITIES } from './cme/activities';
import { STATE_REQUIREMENTS, US_STATES } from './cme/us-states';

const RELEASE = new Date('2026-01-01T00:00:00Z');
const EXPIRY = new Date('2028-12-31T23:59:59Z');

/** Seeds the CME activities, their questions, and the states with their topic requirements. */
export async function seedCme(): Promise<void> {
  const ids: Record<string, string> = {};
  for (const activity of CME_ACTIVITIES) {
    const article = activity.doi
      ? await db.article.findUnique({ where: { doi: activity.doi }, select: { id: true } })
      : null;
    const created = await db.cmeActivity.create({
      data: {
        title: activity.title,
        objectives: activity.objectives,
        releaseAt: RELEASE,
        expiresAt: EXPIRY,
        estimatedMinutes: activity.estimatedMinutes,
        targetAudience: activity.targetAudience,
        abimMocPoints: activity.abimMocPoints,
        people: {
          create: [
            ...activity.faculty.map((p, position) => ({ role: 'faculty' as const, position, ...p })),
            ...activity.planners.map((p, position) => ({ role: 'planner' as const, position, ...p })),
          ],
        },
        articles: article ? { create: { articleId: article.id } } : undefined,
        questions: {
          create: activity.questions.map((q, position) => ({
            position,
            stem: q.stem,
            rationale: q.rationale,
            options: { create: q.options.map((text, i) => ({ position: i, text, isPreferred: i === q.preferred })) },
          })),
        },
      },
    });
    ids[activity.key] = created.id;
  }
  await db.cmeState.createMany({ data: US_STATES.map(([code, name]) => ({ code, name })) });
  for (const r of STATE_REQUIREMENTS) {
    await db.cmeStateRequirement.create({
      data: {
        stateCode: r.state,
        topic: r.topic,
        detail: r.detail,
        activities: { create: r.counts.map((key) => ({ activityId: ids[key] as string })) },
      },
    });
  }
  console.log(`Seeded ${CME_ACTIVITIES.length} CME activities and ${US_STATES.length} states.`);
}
