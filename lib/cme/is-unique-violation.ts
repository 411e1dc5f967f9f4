import { Prisma } from '@/generated/prisma/client';

/** A unique-key clash, from the query builder (P2002) or from raw SQL (P2010 carrying SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  return error.code === 'P2010' && JSON.stringify(error.meta ?? {}).includes('23505');
}
