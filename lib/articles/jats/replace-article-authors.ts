import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { ParsedAuthor } from './jats-authors';

type Tx = Prisma.TransactionClient;

export type ArticleAuthors = { articleId: string; authors: ParsedAuthor[] };

/**
 * Replaces the authors and affiliations of the given articles, in three statements whatever their
 * number (an import batch's). Affiliations are numbered in order of first mention (the
 * superscripts on the page); an affiliation shared by several authors is stored once.
 * `replacing` lists the articles that may have some already (new articles have none to delete).
 */
export async function replaceArticleAuthors(
  tx: Tx,
  articles: ArticleAuthors[],
  { replacing }: { replacing: string[] },
): Promise<void> {
  if (replacing.length > 0) {
    await tx.articleAuthor.deleteMany({ where: { articleId: { in: replacing } } });
    await tx.articleAffiliation.deleteMany({ where: { articleId: { in: replacing } } });
  }
  const keyOf = (a: ParsedAuthor['affiliations'][number]) => `${a.text}|${a.ror ?? ''}`;
  const numbered = articles.map(({ articleId, authors }) => {
    const positions = new Map<string, number>();
    const affiliations: ParsedAuthor['affiliations'] = [];
    for (const aff of authors.flatMap((a) => a.affiliations)) {
      if (positions.has(keyOf(aff))) continue;
      positions.set(keyOf(aff), affiliations.length);
      affiliations.push(aff);
    }
    return { articleId, authors, affiliations, positions };
  });
  const storedAffs = numbered.some((a) => a.affiliations.length > 0)
    ? await tx.articleAffiliation.createManyAndReturn({
        data: numbered.flatMap(({ articleId, affiliations }) =>
          affiliations.map((aff, position) => ({ ...aff, articleId, position })),
        ),
        select: { id: true, articleId: true, position: true },
      })
    : [];
  const storedAuthors = numbered.some((a) => a.authors.length > 0)
    ? await tx.articleAuthor.createManyAndReturn({
        data: numbered.flatMap(({ articleId, authors }) =>
          authors.map(({ affiliations: _affs, ...author }, position) => ({ ...author, articleId, position })),
        ),
        select: { id: true, articleId: true, position: true },
      })
    : [];
  const at = (articleId: string, position: number) => `${articleId}\0${position}`;
  const affIdAt = new Map(storedAffs.map((a) => [at(a.articleId, a.position), a.id]));
  const authorIdAt = new Map(storedAuthors.map((a) => [at(a.articleId, a.position), a.id]));
  const links = numbered.flatMap(({ articleId, authors, positions }) =>
    authors.flatMap((author, index) =>
      author.affiliations.map((aff, position) => ({
        authorId: authorIdAt.get(at(articleId, index)) ?? '',
        affiliationId: affIdAt.get(at(articleId, positions.get(keyOf(aff)) ?? -1)) ?? '',
        position,
      })),
    ),
  );
  if (links.length > 0) await tx.articleAuthorAffiliation.createMany({ data: links });
}
