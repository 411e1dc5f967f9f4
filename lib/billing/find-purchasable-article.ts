import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors/app-error';

// A DOI suffix is printable: no spaces, no control characters (a NUL would reach the database).
export const doiSchema = z
  .string()
  .trim()
  .regex(/^10\.\d{4,9}\/[^\s\p{Cc}]{1,300}$/u, 'This is not a DOI.');

/** The article named by `doi` with what 24-hour access costs; free articles are not sold. */
export async function findPurchasableArticle(doi: string) {
  const article = await db.article.findUnique({
    where: { doi },
    select: { id: true, doi: true, title: true, isFree: true, priceCents: true, currency: true },
  });
  if (!article) throw new NotFoundError('No article has this DOI.');
  if (article.isFree) throw new ValidationError('This article is free to read: there is nothing to buy.');
  return article;
}
