import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { now } from '@/lib/clock';
import { AppError, ValidationError } from '@/lib/errors/app-error';
import { isSearchRequested } from '@/lib/articles/search/search-articles';
import { parseSearchParams } from '@/lib/articles/search/search-params';
import {
  MAX_SAVED_SEARCHES,
  toStoredSearch,
  type deleteSavedSearchSchema,
  type renameSavedSearchSchema,
  type saveSearchSchema,
  type setSavedSearchFrequencySchema,
} from './saved-search-input';

const notYours = () => new AppError('This saved search no longer exists.', 'not_found', 'not_found');

/**
 * Saves the results page's search (its URL parameters) for the reader. New matches are recorded
 * only from now on (lib/alerts/match-saved-searches.ts): saving never emails the archive.
 */
export async function saveSearch(userId: string, input: z.infer<typeof saveSearchSchema>) {
  const params = parseSearchParams(Object.fromEntries(new URLSearchParams(input.search.replace(/^\?/, ''))));
  if (!isSearchRequested(params)) throw new ValidationError('Search for something first, then save the search.');
  const count = await db.savedSearch.count({ where: { userId } });
  if (count >= MAX_SAVED_SEARCHES)
    throw new ValidationError(`You have ${MAX_SAVED_SEARCHES} saved searches; delete one on the Alerts page first.`);
  return db.savedSearch.create({
    data: { userId, name: input.name, params: toStoredSearch(params), frequency: input.frequency, createdAt: now() },
    select: { id: true, name: true, frequency: true },
  });
}

// Every change names the reader too, so nobody can change another reader's search by its id.
export async function renameSavedSearch(userId: string, { id, name }: z.infer<typeof renameSavedSearchSchema>) {
  const { count } = await db.savedSearch.updateMany({ where: { id, userId }, data: { name } });
  if (count === 0) throw notYours();
}

export async function setSavedSearchFrequency(
  userId: string,
  { id, frequency }: z.infer<typeof setSavedSearchFrequencySchema>,
) {
  // A search newly on the weekly digest waits a week from now, not from when it was saved.
  const { count } = await db.savedSearch.updateMany({
    where: { id, userId, frequency: { not: frequency } },
    data: { frequency, ...(frequency === 'weekly' ? { lastDigestAt: now() } : {}) },
  });
  if (count === 0 && !(await db.savedSearch.count({ where: { id, userId } }))) throw notYours();
}

export async function deleteSavedSearch(userId: string, { id }: z.infer<typeof deleteSavedSearchSchema>) {
  const { count } = await db.savedSearch.deleteMany({ where: { id, userId } });
  if (count === 0) throw notYours();
}
