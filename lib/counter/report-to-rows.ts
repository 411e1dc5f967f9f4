// A COUNTER R5.1 report in its tabular form (Code of Practice §3.2: 13 header rows and a blank
// one, then the column headings and one row per item, attribute set and metric), made from the
// JSON report so both forms always agree. Written out as TSV or Excel by write-tabular-report.ts.
import type { ReportRequest } from './parse-report-request';

type Json = Record<string, unknown>;
/** A scalar cell of the report (strings and numbers only reach here). */
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
type Performance = Record<string, Record<string, number>>;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthsOf(request: ReportRequest): string[] {
  const months: string[] = [];
  for (
    let d = new Date(request.begin);
    d < request.end;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  )
    months.push(d.toISOString().slice(0, 7));
  return months;
}

const label = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]}-${month.slice(0, 4)}`;
const joinIds = (ids: unknown) =>
  Object.entries((ids ?? {}) as Record<string, string[] | string>)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => (k === 'Proprietary' ? x : `${k}:${x}`)))
    .join('; ');

function filterText(filters: Json): string {
  return Object.entries(filters)
    .filter(([k]) => !['Begin_Date', 'End_Date', 'Metric_Type'].includes(k))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
    .join('; ');
}

function headerRows(report: Json, request: ReportRequest): string[][] {
  const h = report.Report_Header as Json;
  const filters = h.Report_Filters as Json;
  const attributes = (h.Report_Attributes ?? {}) as Json;
  const exceptions = ((h.Exceptions ?? []) as { Code: number; Message: string; Data?: string }[])
    .map((e) => `${e.Code}: ${e.Message}${e.Data ? ` (${e.Data})` : ''}`)
    .join('; ');
  return [
    ['Report_Name', String(h.Report_Name)],
    ['Report_ID', String(h.Report_ID)],
    ['Release', '5.1'],
    ['Institution_Name', String(h.Institution_Name)],
    ['Institution_ID', joinIds(h.Institution_ID)],
    ['Metric_Types', request.metricTypes.join('; ')],
    ['Report_Filters', filterText(filters)],
    [
      'Report_Attributes',
      Object.entries(attributes)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
        .join('; '),
    ],
    ['Exceptions', exceptions],
    ['Reporting_Period', `Begin_Date=${String(filters.Begin_Date)}; End_Date=${String(filters.End_Date)}`],
    ['Created', String(h.Created)],
    ['Created_By', String(h.Created_By)],
    ['Registry_Record', text(h.Registry_Record)],
    [],
  ];
}

/** Every (attributes, metric) line of one item's Attribute_Performance. */
function metricLines(entries: Json[], attributeColumns: string[], request: ReportRequest, months: string[]) {
  const lines: string[][] = [];
  for (const entry of entries) {
    const performance = entry.Performance as Performance;
    for (const metric of request.metricTypes) {
      const counts = performance[metric];
      if (!counts) continue;
      const values = months.map((m) => counts[m] ?? 0);
      lines.push([
        ...attributeColumns.map((c) => text(entry[c])),
        metric,
        String(values.reduce((a, b) => a + b, 0)),
        ...values.map(String),
      ]);
    }
  }
  return lines;
}

function attributeColumnsOf(request: ReportRequest): string[] {
  const { report } = request;
  if (report.level === 'platform')
    return ['Data_Type', ...(request.attributes.includes('Access_Method') ? ['Access_Method'] : [])];
  if (!report.isMaster) return report.breakdown ? [report.breakdown] : [];
  return [
    'Data_Type',
    ...(['YOP', 'Access_Type', 'Access_Method'] as const).filter((a) => request.attributes.includes(a)),
  ];
}

const idColumns = (ids: unknown) => {
  const i = (ids ?? {}) as Record<string, string>;
  return [i.DOI ?? '', i.Proprietary ?? '', i.Print_ISSN ?? '', i.Online_ISSN ?? '', i.URI ?? ''];
};

/** The report as rows of cells, header block first. */
export function reportToRows(report: Json, request: ReportRequest): string[][] {
  const months = monthsOf(request);
  const attributes = attributeColumnsOf(request);
  const tail = [...attributes, 'Metric_Type', 'Reporting_Period_Total', ...months.map(label)];
  const items = report.Report_Items as Json[];
  const rows = headerRows(report, request);
  const { level } = request.report;
  if (level === 'platform') {
    rows.push(['Platform', ...tail]);
    for (const item of items)
      for (const line of metricLines(item.Attribute_Performance as Json[], attributes, request, months))
        rows.push([String(item.Platform), ...line]);
  } else if (level === 'title') {
    rows.push([
      'Title',
      'Publisher',
      'Publisher_ID',
      'Platform',
      'DOI',
      'Proprietary_ID',
      'Print_ISSN',
      'Online_ISSN',
      'URI',
      ...tail,
    ]);
    for (const item of items)
      for (const line of metricLines(item.Attribute_Performance as Json[], attributes, request, months))
        rows.push([
          String(item.Title),
          String(item.Publisher),
          joinIds(item.Publisher_ID),
          String(item.Platform),
          ...idColumns(item.Item_ID),
          ...line,
        ]);
  } else {
    rows.push([
      'Item',
      'Publisher',
      'Publisher_ID',
      'Platform',
      'Authors',
      'Publication_Date',
      'Article_Version',
      'DOI',
      'Proprietary_ID',
      'Print_ISSN',
      'Online_ISSN',
      'URI',
      'Parent_Title',
      'Parent_Authors',
      'Parent_Article_Version',
      'Parent_DOI',
      'Parent_Proprietary_ID',
      'Parent_Print_ISSN',
      'Parent_Online_ISSN',
      'Parent_URI',
      ...tail,
    ]);
    for (const parent of items) {
      const parentIds = idColumns(parent.Item_ID);
      for (const item of parent.Items as Json[]) {
        const authors = ((item.Authors ?? []) as { Name: string }[]).map((a) => a.Name).join('; ');
        const first = [
          String(item.Item),
          String(item.Publisher),
          '',
          String(item.Platform),
          authors,
          text(item.Publication_Date),
          '',
          ...idColumns(item.Item_ID),
        ];
        const parentCells = parent.Title
          ? [text(parent.Title), '', '', ...parentIds]
          : ['', '', '', '', '', '', '', ''];
        for (const line of metricLines(item.Attribute_Performance as Json[], attributes, request, months))
          rows.push([...first, ...parentCells, ...line]);
      }
    }
  }
  return rows;
}
