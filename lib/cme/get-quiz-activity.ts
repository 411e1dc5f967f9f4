import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';

/**
 * An activity with its questions in order, including which option is preferred: for grading
 * and for result pages. Never pass it whole to a client component before the quiz is passed.
 */
export const getQuizActivity = cache(async (activityId: string) => {
  return db.cmeActivity.findUnique({
    where: { id: activityId },
    include: {
      questions: {
        orderBy: { position: 'asc' },
        include: { options: { orderBy: { position: 'asc' } } },
      },
      people: { orderBy: [{ role: 'asc' }, { position: 'asc' }] },
      articles: { select: { article: { select: { doi: true, title: true } } } },
    },
  });
});

export type QuizActivity = NonNullable<Awaited<ReturnType<typeof getQuizActivity>>>;
