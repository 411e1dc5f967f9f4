// KBART title lists (NISO RP-9-2014, "KBART Phase II"): the 25 columns in the standard's order,
// tab-separated UTF-8, a header row, one row per title, sorted by title. Pure.

export const KBART_COLUMNS = [
  'publication_title',
  'print_identifier',
  'online_identifier',
  'date_first_issue_online',
  'num_first_vol_online',
  'num_first_issue_online',
  'date_last_issue_online',
  'num_last_vol_online',
  'num_last_issue_online',
  'title_url',
  'first_author',
  'title_id',
  'embargo_info',
  'coverage_depth',
  'notes',
  'publisher_name',
  'publication_type',
  'date_monograph_published_print',
  'date_monograph_published_online',
  'monograph_volume',
  'monograph_edition',
  'first_editor',
  'parent_publication_title_id',
  'preceding_publication_title_id',
  'access_type',
] as const;

export type KbartColumn = (typeof KBART_COLUMNS)[number];
export type KbartRow = Partial<Record<KbartColumn, string>>;

/** A serial's coverage: first and last issue online; `last` null while the journal is ongoing. */
export type SerialHolding = {
  title: string;
  printIssn: string | null;
  onlineIssn: string | null;
  titleId: string;
  titleUrl: string;
  publisher: string;
  first: { date: string; volume: string; issue: string };
  last: { date: string; volume: string; issue: string } | null;
};

/** ISO 8601 to the precision known: YYYY-MM when the month is, else YYYY (both allowed by KBART). */
export function kbartDate(year: number, month: number | null): string {
  return month ? `${year}-${String(month).padStart(2, '0')}` : String(year);
}

export function serialRow(h: SerialHolding): KbartRow {
  return {
    publication_title: h.title,
    print_identifier: h.printIssn ?? '',
    online_identifier: h.onlineIssn ?? '',
    date_first_issue_online: h.first.date,
    num_first_vol_online: h.first.volume,
    num_first_issue_online: h.first.issue,
    // Blank last-issue fields mean "to the present" (KBART 6.6.7).
    date_last_issue_online: h.last?.date ?? '',
    num_last_vol_online: h.last?.volume ?? '',
    num_last_issue_online: h.last?.issue ?? '',
    title_url: h.titleUrl,
    title_id: h.titleId,
    coverage_depth: 'fulltext',
    publisher_name: h.publisher,
    publication_type: 'serial',
    access_type: 'P',
  };
}

/** A field never carries the separators (a tab or line break in a title would shift every column). */
const clean = (value: string | undefined) => (value ?? '').replace(/[\t\r\n]+/g, ' ').trim();

export function formatKbart(rows: KbartRow[]): string {
  const sorted = [...rows].sort((a, b) =>
    clean(a.publication_title).localeCompare(clean(b.publication_title), 'en', { sensitivity: 'base' }),
  );
  const lines = [KBART_COLUMNS.join('\t'), ...sorted.map((r) => KBART_COLUMNS.map((c) => clean(r[c])).join('\t'))];
  return `${lines.join('\n')}\n`;
}

/** "Sample Medical Publishing (demo)" → "SampleMedicalPublishing": a file-name part without spaces or punctuation. */
function namePart(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Unnamed';
}

/**
 * The KBART file-name convention, [ProviderName]_[Region/Consortium]_[PackageName]_[YYYY-MM-DD].txt,
 * with the institution in the region/consortium place: its own holdings, not a global list.
 */
export function kbartFileName(provider: string, institution: string, packageName: string, day: Date): string {
  return `${namePart(provider)}_${namePart(institution)}_${namePart(packageName)}_${day.toISOString().slice(0, 10)}.txt`;
}
