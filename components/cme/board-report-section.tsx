import type { BoardReportKind, RefusedRow } from '@/lib/cme/build-board-report';

const TITLES: Record<BoardReportKind, string> = {
  pars: 'ACCME PARS learner upload',
  'abim-moc': 'ABIM MOC completion records',
};

type Props = { kind: BoardReportKind; readyCount: number; refused: RefusedRow[]; query: string };

/** One board-reporting export on /admin/cme: how many rows are ready, the file, and each refused row with why. */
export function BoardReportSection({ kind, readyCount, refused, query }: Props) {
  const href = (part: 'file' | 'refused') => `/api/admin/cme/board-report?kind=${kind}&part=${part}&${query}`;
  return (
    <section aria-labelledby={`${kind}-heading`}>
      <h3 id={`${kind}-heading`}>{TITLES[kind]}</h3>
      <p role="status">
        {readyCount} {readyCount === 1 ? 'row' : 'rows'} ready, {refused.length} refused ·{' '}
        <a href={href('file')}>
          Download {kind === 'pars' ? 'PARS upload (tab-delimited .txt)' : 'ABIM MOC records (CSV)'}
        </a>
        {refused.length > 0 && (
          <>
            {' '}
            · <a href={href('refused')}>Refused rows (CSV)</a>
          </>
        )}
      </p>
      {refused.length > 0 && (
        <table className="table" aria-label={`${TITLES[kind]}: refused rows`}>
          <thead>
            <tr>
              <th scope="col">Certificate</th>
              <th scope="col">Learner</th>
              <th scope="col">Activity</th>
              <th scope="col">Why refused</th>
            </tr>
          </thead>
          <tbody>
            {refused.map((r) => (
              <tr key={r.certificateId}>
                <td>{r.certificateId}</td>
                <td>{r.learnerName}</td>
                <td>{r.activityTitle}</td>
                <td>{r.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
