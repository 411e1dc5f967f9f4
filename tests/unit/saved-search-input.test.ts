import { describe, expect, it } from 'vitest';
import { fromStoredSearch, saveSearchSchema, suggestSearchName, toStoredSearch } from '@/lib/alerts/saved-search-input';
import { parseSearchParams, searchHref } from '@/lib/articles/search/search-params';

describe('saved search input', () => {
  it('stores only what differs from the defaults, never the page, and reads it back the same', () => {
    const params = parseSearchParams({ q: ' dress ', type: 'case-report', year: '2012', page: '3', sort: 'date' });
    const stored = toStoredSearch(params);
    expect(stored).toEqual({ q: 'dress', type: 'case-report', year: 2012, sort: 'date' });
    expect(searchHref({ ...fromStoredSearch(stored), page: 1 })).toBe(
      '/search?q=dress&type=case-report&year=2012&sort=date',
    );
  });

  it('reads a stored search through the search page’s schema, dropping what it would not accept', () => {
    expect(fromStoredSearch({ q: 'rash', type: 'DROP TABLE', year: 99999, extra: 'x' })).toMatchObject({
      q: 'rash',
      type: undefined,
      year: undefined,
      page: 1,
    });
    expect(fromStoredSearch(null)).toMatchObject({ q: '', sort: 'relevance' });
  });

  it('suggests a name from the words or the filters', () => {
    expect(suggestSearchName(parseSearchParams({ q: 'stevens johnson' }))).toBe('stevens johnson');
    expect(suggestSearchName(parseSearchParams({ author: 'Pascal Joly', type: 'case-report' }))).toBe(
      'by Pascal Joly, case report',
    );
  });

  it('asks for a name and a known frequency, in words', () => {
    const bad = saveSearchSchema.safeParse({ name: ' ', frequency: 'daily', search: 'q=x' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual([
      'Give the search a name.',
      'Choose how often to email you.',
    ]);
  });
});
