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
      <form className="admin-filter" aria-label="Filter completions">
        <label htmlFor="c-activity">Activity</label>
        <select id="c-activity" name="activityId" defaultValue={filter.activityId}>
          <option value="">All activities</option>
          {activities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
        <label htmlFor="c-from">From</label>
        <input id="c-from" name="from" type="date" defaultValue={filter.from} />
        <label htmlFor="c-to">To</label>
        <input id="c-to" name="to" type="date" defaultValue={filter.to} />
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <p role="status">
        {rows.length} completion{rows.length === 1 ? '' : 's'} · <a href={csvHref}>Download CSV</a> (NPI, licences,
        board id and birth month/day only for learners who consented)
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Activity</th>
            <th scope="col">Completed</th>
            <th scope="col">Credit</th>
            <th scope="col">Shared for reporting</th>
            <th scope="col">Commitment to Change: change made?</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                {r.learnerName}
                <br />
                <small>{r.email}</small>
              </td>
              <td>{r.activity}</td>
              <td>{r.completedOn}</td>
              <td>
                {r.credits} {r.creditType}
              </td>
              <td>
                {[r.npi && `NPI ${r.npi}`, r.licences, r.boardId, r.birthMonthDay && `born ${r.birthMonthDay}`]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </td>
              <td>
                {!r.commitment
                  ? '—'
                  : r.followUpAnswer
                    ? `${r.followUpAnswer} (${r.followUpAnsweredOn})${r.followUpBarriers ? `: “${r.followUpBarriers}”` : ''}`
                    : r.followUpSentOn
                      ? `Asked ${r.followUpSentOn}, no answer yet`
                      : 'Not asked yet'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
      <table className="table" aria-labelledby="evaluations-heading">
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">Evaluations</th>
            <th scope="col">Objectives met (mean of 1–5)</th>
            <th scope="col">Relevant to practice</th>
            <th scope="col">Free of commercial bias</th>
            <th scope="col">Intend to change</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.activityId}>
              <td>{s.activityTitle}</td>
              <td>{s.count}</td>
              <td>{s.objectivesMetAverage.toFixed(2)}</td>
              <td>
                {s.relevantCount} of {s.count}
              </td>
              <td>
                {s.freeOfBiasCount} of {s.count}
                {s.biasReportedCount > 0 && ` (${s.biasReportedCount} reported bias)`}
              </td>
              <td>
                {s.intendedChangeCount} of {s.count}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summaries.length === 0 && <p>No evaluations yet.</p>}
      <h2 id="follow-ups-heading">Commitment to Change follow-up</h2>
      <p>
        Learners who wrote a Commitment to Change are asked by email, once, whether they made the change (all dates;
        each completion&apos;s answer is in the table above and the CSV).
      </p>
      <table className="table" aria-labelledby="follow-ups-heading">
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">Commitments</th>
            <th scope="col">Asked</th>
            <th scope="col">Answered</th>
            <th scope="col">Made the change</th>
            <th scope="col">Partly</th>
            <th scope="col">Not yet</th>
            <th scope="col">Something got in the way</th>
          </tr>
        </thead>
        <tbody>
          {followUps.map((f) => (
            <tr key={f.activityId}>
              <td>{f.activityTitle}</td>
              <td>{f.commitments}</td>
              <td>{f.asked}</td>
              <td>{f.answered}</td>
              <td>{f.implemented}</td>
              <td>{f.partly}</td>
              <td>{f.notYet}</td>
              <td>{f.barriers}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {followUps.length === 0 && <p>No commitments yet.</p>}
    </>
  );
}
