import { AdminFilter, FilterInput, FilterSelect } from '@/components/admin/admin-filter';
import { DataTable } from '@/components/ui/data-table';
import { db } from '@/lib/db';
import { cmeReportSchema, listCmeCompletions } from '@/lib/admin/cme-report';
import { requireAdmin } from '@/lib/admin/require-admin';
import { BoardReportSection } from '@/components/cme/board-report-section';
import { buildBoardReport } from '@/lib/cme/build-board-report';
import { listEvaluations } from '@/lib/cme/list-evaluations';
import { summarizeEvaluations } from '@/lib/cme/summarize-evaluations';
import { summarizeFollowUps } from '@/lib/cme/summarize-follow-ups';

export const metadata = { title: 'CME completions' };

export default async function AdminCme({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireAdmin('/admin/cme');
  const filter = cmeReportSchema.parse(await searchParams);
  const [activities, rows, evaluations, pars, moc, followUps] = await Promise.all([
    db.cmeActivity.findMany({ orderBy: { title: 'asc' }, select: { id: true, title: true } }),
    listCmeCompletions(filter),
    listEvaluations({ activityId: filter.activityId }),
    buildBoardReport('pars', filter),
    buildBoardReport('abim-moc', filter),
    summarizeFollowUps({ activityId: filter.activityId }),
  ]);
  const summaries = summarizeEvaluations(evaluations);
  const query = new URLSearchParams(filter).toString();
  const csvHref = `/api/admin/cme/report?${query}`;
  return (
    <>
      <h1>CME completions</h1>
      <AdminFilter label="Filter completions">
        <FilterSelect
          id="c-activity"
          label="Activity"
          name="activityId"
          defaultValue={filter.activityId}
          options={activities.map((a) => ({ value: a.id, label: a.title }))}
          anyLabel="All activities"
        />
        <FilterInput id="c-from" label="From" name="from" type="date" defaultValue={filter.from} />
        <FilterInput id="c-to" label="To" name="to" type="date" defaultValue={filter.to} />
      </AdminFilter>
      <p role="status">
        {rows.length} completion{rows.length === 1 ? '' : 's'} · <a href={csvHref}>Download CSV</a> (NPI, licences,
        board id and birth month/day only for learners who consented)
      </p>
      <DataTable
        rows={rows}
        rowKey={(_, i) => String(i)}
        columns={[
          {
            header: 'Learner',
            cell: (r) => (
              <>
                {r.learnerName}
                <br />
                <small>{r.email}</small>
              </>
            ),
          },
          { header: 'Activity', cell: (r) => r.activity },
          { header: 'Completed', cell: (r) => r.completedOn },
          { header: 'Credit', cell: (r) => `${r.credits} ${r.creditType}` },
          {
            header: 'Shared for reporting',
            cell: (r) =>
              [r.npi && `NPI ${r.npi}`, r.licences, r.boardId, r.birthMonthDay && `born ${r.birthMonthDay}`]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          { header: 'Commitment to Change: change made?', cell: describeFollowUp },
        ]}
      />
      <h2>Board reporting</h2>
      <p>
        Every completion in the filter is checked; a row is refused, with its reasons, when the learner has not shared
        (with consent) a certifying board, a valid board id and a month and day of birth.
      </p>
      <BoardReportSection kind="pars" readyCount={pars.rows.length} refused={pars.refused} query={query} />
      <BoardReportSection kind="abim-moc" readyCount={moc.rows.length} refused={moc.refused} query={query} />
      <h2 id="evaluations-heading">Evaluations</h2>
      <p>
        Post-activity evaluations (all dates) ·{' '}
        <a href={`/api/admin/cme/evaluations?activityId=${filter.activityId}`}>Download evaluations (CSV)</a> (answers
        only, without learner names)
      </p>
      <DataTable
        labelledBy="evaluations-heading"
        rows={summaries}
        rowKey={(s) => s.activityId}
        columns={[
          { header: 'Activity', cell: (s) => s.activityTitle },
          { header: 'Evaluations', cell: (s) => s.count },
          { header: 'Objectives met (mean of 1–5)', cell: (s) => s.objectivesMetAverage.toFixed(2) },
          { header: 'Relevant to practice', cell: (s) => `${s.relevantCount} of ${s.count}` },
          {
            header: 'Free of commercial bias',
            cell: (s) =>
              `${s.freeOfBiasCount} of ${s.count}${s.biasReportedCount > 0 ? ` (${s.biasReportedCount} reported bias)` : ''}`,
          },
          { header: 'Intend to change', cell: (s) => `${s.intendedChangeCount} of ${s.count}` },
        ]}
      />
      {summaries.length === 0 && <p>No evaluations yet.</p>}
      <h2 id="follow-ups-heading">Commitment to Change follow-up</h2>
      <p>
        Learners who wrote a Commitment to Change are asked by email, once, whether they made the change (all dates;
        each completion&apos;s answer is in the table above and the CSV).
      </p>
      <DataTable
        labelledBy="follow-ups-heading"
        rows={followUps}
        rowKey={(f) => f.activityId}
        columns={[
          { header: 'Activity', cell: (f) => f.activityTitle },
          { header: 'Commitments', cell: (f) => f.commitments },
          { header: 'Asked', cell: (f) => f.asked },
          { header: 'Answered', cell: (f) => f.answered },
          { header: 'Made the change', cell: (f) => f.implemented },
          { header: 'Partly', cell: (f) => f.partly },
          { header: 'Not yet', cell: (f) => f.notYet },
          { header: 'Something got in the way', cell: (f) => f.barriers },
        ]}
      />
      {followUps.length === 0 && <p>No commitments yet.</p>}
    </>
  );
}

type Completion = Awaited<ReturnType<typeof listCmeCompletions>>[number];

/** Whether the learner made the change they committed to, as far as the follow-up has told. */
function describeFollowUp(r: Completion): string {
  if (!r.commitment) return '—';
  if (r.followUpAnswer)
    return `${r.followUpAnswer} (${r.followUpAnsweredOn})${r.followUpBarriers ? `: “${r.followUpBarriers}”` : ''}`;
  return r.followUpSentOn ? `Asked ${r.followUpSentOn}, no answer yet` : 'Not asked yet';
}
