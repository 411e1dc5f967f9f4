import { Prisma } from '@/generated/prisma/client';

/**
 * The write needs a row this site does not have: a user, article or checkout session named by an
 * event (SQLSTATE 23503, from the query builder as P2003 or from raw SQL as P2010). Retrying the
 * event can never help, unlike a database or Stripe that is briefly away.
 */
export function isUnmatchedReference(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2003') return true;
  return error.code === 'P2010' && JSON.stringify(error.meta ?? {}).includes('23503');
}
