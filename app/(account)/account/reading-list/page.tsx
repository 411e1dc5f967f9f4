import type { Metadata } from 'next';
import Link from 'next/link';
import { articlePath } from '@/lib/articles/article-path';
import { requireUser } from '@/lib/auth/current-user';
import { listSavedArticles } from '@/lib/related/list-saved-articles';
import { formatDate } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';

export const metadata: Metadata = { title: 'My Reading List' };

export default async function ReadingListPage() {
  const user = await requireUser('/account/reading-list');
  const [articles, timeZone] = await Promise.all([listSavedArticles(user.id), getReaderTimeZone()]);
  return (
    <div className="page">
      <TimeZoneFallbackMarker />
      <h1>My Reading List</h1>
      {articles.length === 0 ? (
        <p>Nothing saved yet. Use &quot;Save to my reading list&quot; under Article Tools on any article.</p>
      ) : (
        <ul className="toc__list">
          {articles.map((a) => (
            <li key={a.doi} className="toc__item">
              {a.sectionLabel && <span className="toc__section-label">{a.sectionLabel}</span>}
              <Link href={articlePath(a.doi)} className="toc__title">
                {a.title}
              </Link>
              <p className="toc__meta">
                {a.journal}. Saved {formatDate(a.savedAt, timeZone)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/account">Back to My Account</Link>
      </p>
    </div>
  );
}
