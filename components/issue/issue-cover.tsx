/**
 * The issue's cover. The journal's files bring no cover image, so this is a typographic cover
 * drawn from the issue's own facts (as publishers do for online-only issues), never a stock picture.
 */
export function IssueCover({
  journal,
  volume,
  number,
  dateLabel,
}: {
  journal: string;
  volume: string;
  number: string;
  dateLabel: string;
}) {
  const words = journal.split(' ');
  const half = Math.ceil(words.length / 2);
  return (
    <svg
      className="issue-cover"
      viewBox="0 0 200 260"
      role="img"
      aria-label={`Cover of ${journal}, Vol ${volume}, No. ${number}, ${dateLabel}`}
    >
      <rect width="200" height="260" fill="var(--accent, #7a1f2b)" />
      <rect x="12" y="12" width="176" height="236" fill="none" stroke="#fff" strokeOpacity="0.6" />
      <text x="100" y="70" textAnchor="middle" fill="#fff" fontFamily="Georgia, serif" fontSize="20">
        <tspan x="100">{words.slice(0, half).join(' ')}</tspan>
        <tspan x="100" dy="24">
          {words.slice(half).join(' ')}
        </tspan>
      </text>
      <text x="100" y="190" textAnchor="middle" fill="#fff" fontFamily="Georgia, serif" fontSize="13">
        Vol {volume}, No. {number}
      </text>
      <text x="100" y="212" textAnchor="middle" fill="#fff" fontFamily="Georgia, serif" fontSize="13">
        {dateLabel}
      </text>
    </svg>
  );
}
