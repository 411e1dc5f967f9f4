import Link from 'next/link';
import { IssueToc } from '@/components/issue/issue-toc';
import { getCurrentIssue } from '@/lib/articles/get-issue';

export const revalidate = 300;

export default async function HomePage() {
  const issue = await getCurrentIssue();
  if (!issue) {
    return (
      <div className="page">
        <h1>Archives of Dermatology</h1>
        <p>No issue has been published yet.</p>
      </div>
    );
  }
  return (
    <div className="page">
      <p className="eyebrow">{issue.journal.title}</p>
      <h1>Current Issue</h1>
      <p className="issue-meta">
        <Link href={`/issues/${issue.volume}/${encodeURIComponent(issue.number)}`}>
          Vol {issue.volume}, No. {issue.number}, {issue.dateLabel}
        </Link>
      </p>
      <IssueToc issue={issue} />
    </div>
  );
}
