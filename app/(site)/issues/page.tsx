import Link from 'next/link';
import { listIssues } from '@/lib/articles/get-issue';

export const revalidate = 300;
export const metadata = { title: 'All Issues' };

export default async function IssuesPage() {
  const issues = await listIssues();
  return (
    <div className="page">
      <h1>All Issues</h1>
      {issues.length === 0 ? (
        <p>No issues yet.</p>
      ) : (
        <ul className="issue-list">
          {issues.map((i) => (
            <li key={`${i.volume}-${i.number}`}>
              <Link href={`/issues/${i.volume}/${encodeURIComponent(i.number)}`}>
                Vol {i.volume}, No. {i.number}, {i.dateLabel}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
