// What a reader submits to save, rename or change a saved search; pure, so unit tests reach it.
import { z } from 'zod';
import { searchParamsSchema, type SearchParams } from '@/lib/articles/search/search-params';

export const ALERT_FREQUENCIES = ['immediate', 'weekly', 'none'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<AlertFrequency, string> = {
  immediate: 'As published',
  weekly: 'Weekly digest',
  none: 'No email',
};

export const MAX_SAVED_SEARCHES = 50;

const name = z.string().trim().min(1, 'Give the search a name.').max(120, 'Keep the name under 120 characters.');
const frequency = z.enum(ALERT_FREQUENCIES, 'Choose how often to email you.');
const id = z.string().min(1).max(40);

/** The search itself travels as the results page's own URL parameters (hidden fields). */
export const saveSearchSchema = z.object({ name, frequency, search: z.string().max(2000) });
export const renameSavedSearchSchema = z.object({ id, name });
export const setSavedSearchFrequencySchema = z.object({ id, frequency });
export const deleteSavedSearchSchema = z.object({ id });

/** A search as stored: only what differs from the defaults, never the page number. */
export type StoredSearch = Partial<Omit<SearchParams, 'page'>>;

export function toStoredSearch(params: SearchParams): StoredSearch {
  const stored: StoredSearch = {};
  if (params.q.trim()) stored.q = params.q.trim();
  if (params.author) stored.author = params.author;
  if (params.type) stored.type = params.type;
  if (params.year) stored.year = params.year;
  if (params.topic) stored.topic = params.topic;
  if (params.access) stored.access = params.access;
  if (params.readable) stored.readable = params.readable;
  if (params.sort !== 'relevance') stored.sort = params.sort;
  return stored;
}

/** A stored search read back through the search page's own schema: it never holds what the page would not. */
export function fromStoredSearch(stored: unknown): SearchParams {
  return searchParamsSchema.parse(stored && typeof stored === 'object' ? stored : {});
}

/** A name to offer when saving: what was typed, else the filters. */
export function suggestSearchName(params: SearchParams): string {
  const parts = [
    params.q.trim(),
    params.author && `by ${params.author}`,
    params.type && params.type.replace(/-/g, ' '),
    params.year && String(params.year),
    params.topic && params.topic.replace(/-/g, ' '),
    params.access,
    params.readable && 'I can read',
  ].filter(Boolean);
  return (parts.join(', ') || 'My search').slice(0, 120);
}
