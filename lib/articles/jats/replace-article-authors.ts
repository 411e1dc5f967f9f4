import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ParsedAuthor } from './jats-authors';

type Tx = Prisma.TransactionClient;

/**
 * Replaces an article's authors and affiliations. Affiliations are numbered in order of first
 * mention (the superscripts on the page); an affiliation shared by several authors is stored once.
 * `replacing` is false for a new article, which has none to delete.
 */
export async function replaceArticleAuthors(
  tx: Tx,
  articleId: string,
  authors: ParsedAuthor[],
  { replacing }: { replacing: boolean },
): Promise<void> {
  if (replacing) {
    await tx.articleAuthor.deleteMany({ where: { articleId } });
    await tx.articleAffiliation.deleteMany({ where: { articleId } });
  }
  const keyOf = (a: ParsedAuthor['affiliations'][number]) => `${a.text}|${a.ror ?? ''}`;
  const positions = new Map<string, number>();
  const affiliations: ParsedAuthor['affiliations'] = [];
  for (const aff of authors.flatMap((a) => a.affiliations)) {
    if (positions.has(keyOf(aff))) continue;
    positions.set(keyOf(aff), affiliations.length);
    affiliations.push(aff);
  }
  const storedAffs = await tx.articleAffiliation.createManyAndReturn({
    data: affiliations.map((aff, position) => ({ ...aff, articleId, position })),
    select: { id: true, position: true },
  });
  const storedAuthors = await tx.articleAuthor.createManyAndReturn({
    data: authors.map(({ affiliations: _affs, ...author }, position) => ({ ...author, articleId, position })),
    select: { id: true, position: true },
  });
  const affIdAt = new Map(storedAffs.map((a) => [a.position, a.id]));
  const authorIdAt = new Map(storedAuthors.map((a) => [a.position, a.id]));
  await tx.articleAuthorAffiliation.createMany({
    data: authors.flatMap((author, index) =>
      author.affiliations.map((aff, position) => ({
        authorId: authorIdAt.get(index) ?? '',
        affiliationId: affIdAt.get(positions.get(keyOf(aff)) ?? -1) ?? '',
        position,
      })),
    ),
  });
}
