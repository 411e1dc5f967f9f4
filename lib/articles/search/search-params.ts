// The search page's URL parameters. Anything malformed is dropped (the search runs without it)
// rather than answered with an error: these URLs are typed, shared and crawled.
import { z } from 'zod';

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const single = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

export const searchParamsSchema = z.object({
  q: z.preprocess(single, z.string().max(200)).catch('').default(''),
  author: optional(z.preprocess(single, z.string().trim().min(1).max(200))),
  type: optional(z.preprocess(single, z.string().regex(/^[a-z][a-z-]{0,59}$/))),
  year: optional(z.preprocess(single, z.coerce.number().int().min(1800).max(2200))),
  topic: optional(z.preprocess(single, z.string().regex(/^[a-z0-9-]{1,80}$/))),
  access: optional(z.preprocess(single, z.enum(['free', 'paid']))),
  readable: z.preprocess(single, z.literal('1').optional()).catch(undefined),
  sort: z
    .preprocess(single, z.enum(['relevance', 'date']))
    .catch('relevance')
    .default('relevance'),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(500)).catch(1).default(1),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** Reads Next's searchParams (strings or arrays) into a search. */
export function parseSearchParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  return searchParamsSchema.parse(raw);
}

/** The /search URL of a search, with only the parameters that differ from the defaults. */
export function searchHref(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.author) query.set('author', params.author);
  if (params.type) query.set('type', params.type);
  if (params.year) query.set('year', String(params.year));
  if (params.topic) query.set('topic', params.topic);
  if (params.access) query.set('access', params.access);
  if (params.readable) query.set('readable', '1');
  if (params.sort && params.sort !== 'relevance') query.set('sort', params.sort);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `/search?${text}` : '/search';
}
