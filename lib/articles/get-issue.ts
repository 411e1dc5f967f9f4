import 'server-only';
import { db } from '@/lib/db';

const tocSelect = {
  id: true,
  volume: true,
  number: true,
  year: true,
  dateLabel: true,
  journal: { select: { title: true, abbreviation: true, slug: true } },
  articles: {
    orderBy: [{ position: 'asc' as const }, { fpage: 'asc' as const }],
    select: {
      doi: true,
      title: true,
      subtitle: true,
      sectionLabel: true,
      fpage: true,
      lpage: true,
      elocationId: true,
      isFree: true,
      authors: {
        orderBy: { position: 'asc' as const },
        select: { givenNames: true, surname: true, collab: true, degrees: true },
      },
    },
  },
};

/** The issue marked current, or the most recent one. */
export async function getCurrentIssue() {
  return db.issue.findFirst({
    orderBy: [{ isCurrent: 'desc' }, { year: 'desc' }, { month: 'desc' }],
    select: tocSelect,
  });
}

export async function getIssue(volume: string, number: string) {
  return db.issue.findFirst({ where: { volume, number }, select: tocSelect });
}

export async function listIssues() {
  return db.issue.findMany({
    orderBy: [{ year: 'desc' }, { month: 'desc' }],
    select: { volume: true, number: true, dateLabel: true },
  });
}

export type IssueToc = NonNullable<Awaited<ReturnType<typeof getCurrentIssue>>>;
