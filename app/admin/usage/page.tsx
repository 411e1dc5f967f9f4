import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { requireAdmin } from '@/lib/admin/require-admin';
import { articlePath } from '@/lib/articles/article-path';
import { now } from '@/lib/clock';
import { lastYearRange, summarizeUsage, type UsageSummaryRow } from '@/lib/counter/summarize-usage';

export const metadata = { title: 'Usage' };

const n = (value: number) => value.toLocaleString('en-US');
const metricColumns = [
  { header: 'Investigations', cell: (r: UsageSummaryRow) => n(r.investigations) },
  { header: 'Requests (full text)', cell: (r: UsageSummaryRow) => n(r.requests) },
  { header: 'Unique requests', cell: (r: UsageSummaryRow) => n(r.uniqueRequests) },
  { header: 'Denied (No_License)', cell: (r: UsageSummaryRow) => n(r.denials) },
];

export default async function AdminUsage() {
  await requireAdmin('/admin/usage');
  const { begin, end } = lastYearRange(now());
  const { journals, articles } = await summarizeUsage(null, begin, end);
  const last = new Date(end.getTime() - 1).toISOString().slice(0, 7);
  return (
    <>
      <h1>Usage</h1>
      <p>
        COUNTER R5.1 usage from {begin.toISOString().slice(0, 7)} to {last}, every institution and every visitor
        together: double-clicks counted once, robots left out. Institutions get their own reports from the COUNTER API (
        <code>/r51/</code>).
      </p>
      <h2>By journal</h2>
      <DataTable
        columns={[{ header: 'Journal', cell: (r) => r.label }, ...metricColumns]}
        rows={journals}
        rowKey={(r) => r.id}
      />
      <h2>By article</h2>
      <DataTable
        columns={[
          { header: 'Article', cell: (r) => <Link href={articlePath(r.doi)}>{r.label}</Link> },
          ...metricColumns,
        ]}
        rows={articles}
        rowKey={(r) => r.id}
      />
    </>
  );
}
