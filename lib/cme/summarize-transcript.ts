export type TranscriptEntry = {
  completedAt: Date;
  activityTitle: string;
  creditType: string;
  creditQuarters: number;
  certificateId: string;
};

export type TranscriptYear = { year: number; entries: TranscriptEntry[]; totalQuarters: number };

/** Groups completions by UTC year, newest year first, each with its credit total (in quarters, exact). */
export function summarizeTranscript(entries: TranscriptEntry[]): TranscriptYear[] {
  const years = new Map<number, TranscriptEntry[]>();
  for (const entry of [...entries].sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime())) {
    const year = entry.completedAt.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), entry]);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({
      year,
      entries: list,
      totalQuarters: list.reduce((sum, e) => sum + e.creditQuarters, 0),
    }));
}
