// A "from … to" filter of whole UTC days, as the admin filters take it (YYYY-MM-DD, both optional).
import { z } from 'zod';

/** An optional YYYY-MM-DD; anything else is treated as not given. */
export const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .or(z.literal(''))
  .catch('')
  .default('');

/** A Prisma date condition from the start of `from` to the end of `to` (UTC), or undefined for no limit. */
export function dayRange(from: string, to: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
}
