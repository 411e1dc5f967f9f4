import { z } from 'zod';

export const PAGE_SIZE = 25;

/** The `page` query parameter of an admin list; anything odd reads as the first page. */
export const pageField = z.coerce.number().int().min(1).max(10_000).catch(1).default(1);

/**
 * One page of an admin list and how many pages there are: `find` gets Prisma's skip and take,
 * `count` counts the whole list under the same filter.
 */
export async function listPage<T>(
  page: number,
  find: (window: { skip: number; take: number }) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<{ rows: T[]; total: number; pageCount: number }> {
  const [rows, total] = await Promise.all([find({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }), count()]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
