import { DataTable } from '@/components/ui/data-table';
import { now } from '@/lib/clock';
import { lastYearRange, summarizeUsage, type UsageSummaryRow } from '@/lib/counter/summarize-usage';
import { REPORTS } from '@/lib/counter/report-definitions';
import { requireLibrarian } from '@/lib/librarian/require-librarian';

export const metadata = { title: 'Usage' };

const n = (value: number) => value.toLocaleString('en-US');
const month = (d: Date) => d.toISOString().slice(0, 7);

export default async function LibrarianUsage() {
  const { institution } = await requireLibrarian('/librarian/usage');
  const { begin, end } = lastYearRange(now());
  const last = new Date(end.getTime() - 1);
  const { journals, articles } = await summarizeUsage(institution.id, begin, end);
  const turnaways = articles.filter((a) => a.denials > 0).sort((a, b) => b.denials - a.denials);
  const columns = [
    { header: 'Investigations', cell: (r: UsageSummaryRow) => n(r.investigations) },
    { header: 'Full-text requests', cell: (r: UsageSummaryRow) => n(r.requests) },
    { header: 'Unique requests', cell: (r: UsageSummaryRow) => n(r.uniqueRequests) },
    { header: 'Turnaways', cell: (r: UsageSummaryRow) => n(r.denials) },
  ];
  return (
    <>
      <h1>Usage</h1>
      <p>
        Your readers’ use from {month(begin)} to {month(last)}, counted by the COUNTER Code of Practice, Release 5.1: a
        double-click is one use, each article counts once per session for the unique counts, robots are left out.
        Turnaways are refusals (COUNTER’s No_License): content your readers asked for and your institution cannot read.
      </p>
      <h2>By title</h2>
      <DataTable
        columns={[{ header: 'Journal', cell: (r) => r.label }, ...columns]}
        rows={journals}
        rowKey={(r) => r.id}
      />
      {journals.length === 0 && <p>No usage in these months.</p>}
      <h2>Turnaways by article</h2>
      <DataTable
        columns={[
          { header: 'Article', cell: (r) => r.label },
          { header: 'Turnaways', cell: (r) => n(r.denials) },
        ]}
        rows={turnaways.slice(0, 50)}
        rowKey={(r) => r.id}
      />
      {turnaways.length === 0 && <p>No turnaways in these months.</p>}
      <h2>Download COUNTER reports</h2>
      <form action="/librarian/usage/download" method="get" className="form">
        <label htmlFor="report">Report</label>
        <select id="report" name="report" defaultValue="tr_j1">
          {REPORTS.map((r) => (
            <option key={r.path} value={r.path}>
              {r.id}: {r.name}
            </option>
          ))}
        </select>
        <label htmlFor="begin">First month</label>
        <input id="begin" name="begin_date" type="month" defaultValue={month(begin)} required />
        <label htmlFor="end">Last month</label>
        <input id="end" name="end_date" type="month" defaultValue={month(last)} required />
        <fieldset>
          <legend>Format</legend>
          <label>
            <input type="radio" name="format" value="tsv" defaultChecked /> Tab-separated (TSV)
          </label>
          <label>
            <input type="radio" name="format" value="xlsx" /> Excel (xlsx)
          </label>
          <label>
            <input type="radio" name="format" value="json" /> JSON (as the COUNTER API)
          </label>
        </fieldset>
        <button type="submit" className="button">
          Download
        </button>
      </form>
      <p>The same reports are in the COUNTER API for harvesting tools (see COUNTER API in this portal).</p>
    </>
  );
}
