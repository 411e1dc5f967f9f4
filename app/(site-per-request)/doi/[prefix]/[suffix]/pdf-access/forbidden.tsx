'use client';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { AccessPanel } from '@/components/paywall/access-panel';
import { articlePath, doiFromParams, type DoiParams } from '@/lib/articles/article-path';

export default function PdfNeedsAccess() {
  const doi = doiFromParams(useParams<DoiParams>());
  if (!doi) return null;
  const article = articlePath(doi);
  return (
    <>
      <p>
        The PDF is for subscribers, for readers who bought 24-hour access to this article, and for readers at
        subscribing institutions. <Link href={article}>Read the abstract and the first page</Link>.
      </p>
      <AccessPanel doi={doi} returnTo={article} />
    </>
  );
}
