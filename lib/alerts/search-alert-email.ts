import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { articlePath } from '@/lib/articles/article-path';
import { formatAuthorName } from '@/lib/articles/format-citation';
import { searchHref } from '@/lib/articles/search/search-params';
import type { Email } from '@/lib/email/queue-emails';
import { alertEmail } from './alert-email';
import { fromStoredSearch } from './saved-search-input';

const LISTED = 50;

type Search = { id: string; name: string; params: unknown; user: { email: string } };

/**
 * The email of a saved search's alert or weekly digest: the articles' titles, authors and links,
 * never a snippet (an email is read by whoever holds it; the gated text stays on the site).
 */
export async function searchAlertEmail(
  tx: Prisma.TransactionClient,
  search: Search,
  articleIds: string[],
  kind: 'immediate' | 'weekly',
): Promise<Email> {
  const articles = await tx.article.findMany({
    where: { id: { in: articleIds } },
    orderBy: [{ publishedOnline: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }],
    take: LISTED,
    select: {
      doi: true,
      title: true,
      authors: {
        orderBy: { position: 'asc' },
        take: 4,
        select: { givenNames: true, surname: true, suffix: true, collab: true },
      },
    },
  });
  const lines = articles.map((a) => {
    const names = a.authors.slice(0, 3).map((n) => formatAuthorName({ ...n, degrees: null }, false));
    const authors = names.length ? `\n  ${names.join(', ')}${a.authors.length > 3 ? ', et al' : ''}` : '';
    return `- ${a.title}${authors}\n  ${new URL(articlePath(a.doi), env.SITE_URL).toString()}`;
  });
  const more = articleIds.length > LISTED ? `\n…and ${articleIds.length - LISTED} more.` : '';
  const n = articleIds.length;
  const what = `${n} new article${n === 1 ? '' : 's'}`;
  const results = new URL(searchHref({ ...fromStoredSearch(search.params), page: 1 }), env.SITE_URL).toString();
  return alertEmail(
    {
      to: search.user.email,
      subject:
        kind === 'weekly'
          ? `This week: ${what} for “${search.name}”`
          : `${what} for your saved search “${search.name}”`,
      text: `${what} match${n === 1 ? 'es' : ''} your saved search “${search.name}”:\n\n${lines.join('\n')}${more}\n\nAll results: ${results}\n`,
    },
    { kind: 'search', savedSearchId: search.id },
  );
}
