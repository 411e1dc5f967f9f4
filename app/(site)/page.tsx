import Link from 'next/link';
import { IssueCover } from '@/components/issue/issue-cover';
import { IssueToc } from '@/components/issue/issue-toc';
import { articlePath } from '@/lib/articles/article-path';
import { getCurrentIssue } from '@/lib/articles/get-issue';
import { now } from '@/lib/clock';
import { feedPath } from '@/lib/feeds/feed-paths';
import { formatDate } from '@/lib/format-date';
import { getHomePage } from '@/lib/site/get-home-page';
import { JOURNAL } from '@/lib/site/journal-facts';

export const revalidate = 300;

export default async function HomePage() {
  const [issue, home] = await Promise.all([getCurrentIssue(), getHomePage(now())]);
  return (
    <div className="home">
      <section className="home__issue" aria-labelledby="current-issue-heading">
        <p className="eyebrow">{JOURNAL.title}</p>
        <h1 id="current-issue-heading">Current Issue</h1>
        {issue ? (
          <>
            <div className="home__issue-head">
              <div className="home__cover">
                <IssueCover
                  journal={issue.journal.title}
                  volume={issue.volume}
                  number={issue.number}
                  dateLabel={issue.dateLabel}
                />
              </div>
              <p className="issue-meta">
                <Link href={`/issues/${issue.volume}/${encodeURIComponent(issue.number)}`}>
                  Vol {issue.volume}, No. {issue.number}, {issue.dateLabel}
                </Link>
                <br />
                {issue.articles.length} {issue.articles.length === 1 ? 'article' : 'articles'} ·{' '}
                <Link href="/issues">All issues</Link>
              </p>
            </div>
            <IssueToc issue={issue} />
          </>
        ) : (
          <p>No issue has been published yet.</p>
        )}
      </section>
      <div className="home__side">
        <section className="box" aria-labelledby="online-first-heading">
          <h2 id="online-first-heading" className="box__title">
            Online First
          </h2>
          {home.onlineFirst.length === 0 ? (
            <p>Articles published online ahead of their issue appear here. There are none right now.</p>
          ) : (
            <ul className="home__list">
              {home.onlineFirst.map((a) => (
                <li key={a.doi}>
                  <Link href={articlePath(a.doi)}>{a.title}</Link>
                  {a.publishedOnline && <span className="home__date"> · {formatDate(a.publishedOnline)}</span>}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={feedPath({ kind: 'online-first', pagePath: '/' }, 'rss')}>Online First feed (RSS)</a>
          </p>
        </section>
        <section className="box" aria-labelledby="cme-heading">
          <h2 id="cme-heading" className="box__title">
            CME
          </h2>
          <p>
            {home.cmeActivities === 0
              ? 'No CME activity is open right now.'
              : `${home.cmeActivities} ${home.cmeActivities === 1 ? 'activity is' : 'activities are'} open for credit, each with its quiz, evaluation and certificate.`}
          </p>
          <p>
            <Link href="/cme">Earn CME credit</Link>
          </p>
        </section>
        {home.topics.length > 0 && (
          <section className="box" aria-labelledby="topics-heading">
            <h2 id="topics-heading" className="box__title">
              Topic Collections
            </h2>
            <ul className="home__list">
              {home.topics.map((t) => (
                <li key={t.slug}>
                  <Link href={`/topics/${t.slug}`}>{t.name}</Link>{' '}
                  <span className="home__date">({t._count.articles})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
