import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IssueToc } from '@/components/issue/issue-toc';
import { getIssue, listIssues } from '@/lib/articles/get-issue';

export const revalidate = 300;

type Props = { params: Promise<{ volume: string; number: string }> };

export async function generateStaticParams() {
  return (await listIssues()).map((i) => ({ volume: i.volume, number: encodeURIComponent(i.number) }));
}

async function loadIssue(params: Props['params']) {
  const { volume, number } = await params;
  let decoded: string;
  try {
    decoded = decodeURIComponent(number);
  } catch {
    notFound();
  }
  const issue = await getIssue(volume, decoded);
  if (!issue) notFound();
  return issue;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await loadIssue(params);
  return { title: `Vol ${issue.volume}, No. ${issue.number}, ${issue.dateLabel}` };
}

export default async function IssuePage({ params }: Props) {
  const issue = await loadIssue(params);
  return (
    <div className="page">
      <p className="eyebrow">{issue.journal.title}</p>
      <h1>
        Vol {issue.volume}, No. {issue.number}, {issue.dateLabel}
      </h1>
      <IssueToc issue={issue} />
    </div>
  );
}
