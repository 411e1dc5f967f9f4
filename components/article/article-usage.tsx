import { getArticleUsageTotals } from '@/lib/usage/article-usage-totals';

const n = (value: number) => value.toLocaleString('en-US');

/** "1,234 views · 56 downloads": the usage COUNTER counts for this article (lib/usage). */
export async function ArticleUsage({ articleId }: { articleId: string }) {
  const { views, downloads } = await getArticleUsageTotals(articleId);
  return (
    <p className="article-usage" aria-label="Article usage">
      {n(views)} view{views === 1 ? '' : 's'} · {n(downloads)} download{downloads === 1 ? '' : 's'}
    </p>
  );
}
