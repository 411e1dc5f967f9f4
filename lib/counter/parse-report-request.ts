// The R5.1 parameters of a report request (Code of Practice §8.3), from the query string of
// /r51/reports/<id> or the portal's download form. Anything it cannot use is either a stopping
// exception (thrown: dates) or a warning listed in the report header (unknown parameter, filter
// or attribute value), as the Code of Practice asks.
import { counterException, CounterRequestError, type CounterException } from './counter-exceptions';
import type { MetricType, ReportAttribute, ReportDefinition } from './report-definitions';

export type ReportRequest = {
  report: ReportDefinition;
  /** UTC month starts: the first month, and the month after the last. */
  begin: Date;
  end: Date;
  metricTypes: MetricType[];
  accessTypes?: ('Controlled' | 'Open')[];
  /** Data_Type filter values asked for (master reports); usage of other types is none here. */
  dataTypes?: string[];
  accessMethods?: ('Regular' | 'TDM')[];
  yops?: [number, number][];
  attributes: ReportAttribute[];
  includeParentDetails: boolean;
  /** Month (the default): counts per month; Total: the period's sum, under its first month (R5.1 JSON). */
  granularity: 'Month' | 'Total';
  /** The item_id filter (TR: journals, IR: articles), when it names any; each `Namespace:value`. */
  itemIds?: ItemIdentifier[];
  /** The author filter (IR): an ORCID iD, bare (0000-0002-1825-0097). */
  authorOrcid?: string;
  platform?: string;
  warnings: CounterException[];
};

export type ItemIdentifier = { namespace: 'DOI' | 'Proprietary' | 'Online_ISSN' | 'Print_ISSN'; value: string };

const AUTH_PARAMETERS = ['customer_id', 'requestor_id', 'api_key', 'platform'];
const COMMON = ['begin_date', 'end_date'];
const MASTER = ['metric_type', 'data_type', 'access_type', 'access_method', 'yop', 'attributes_to_show', 'granularity'];
const ATTRIBUTES_BY_LEVEL: Record<ReportDefinition['level'], ReportAttribute[]> = {
  platform: ['Access_Method'],
  title: ['YOP', 'Access_Type', 'Access_Method'],
  item: ['YOP', 'Access_Type', 'Access_Method', 'Authors', 'Publication_Date'],
};
const DATA_TYPE_BY_LEVEL = { platform: ['Article', 'Platform'], title: ['Journal'], item: ['Article'] };
// What an item_id may name in each report: journals (TR) or articles (IR); Proprietary is
// "<platform>:<our id>" in both.
const ITEM_ID_NAMESPACES = {
  title: ['Online_ISSN', 'Print_ISSN', 'Proprietary'],
  item: ['DOI', 'Proprietary'],
} as const;
const ORCID = /^(?:ORCID:)?(?:https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;

/**
 * The item_id filter (values separated by |, each `Namespace:value`, e.g. DOI:10.1001/x or
 * Online_ISSN:1234-5678). A value this report cannot use is a 3060 and left out; values of both
 * scopes at once (an article's DOI and a journal's ISSN) are a 3061 and the filter is not applied,
 * as the Code of Practice asks.
 */
function parseItemIds(
  level: 'title' | 'item',
  values: string[],
  warnings: CounterException[],
): ItemIdentifier[] | undefined {
  const own: ItemIdentifier[] = [];
  const otherScope: string[] = [];
  const refused: string[] = [];
  for (const text of values) {
    const match = /^([A-Za-z_]+):(.+)$/.exec(text);
    const namespace =
      match &&
      [...ITEM_ID_NAMESPACES.title, ...ITEM_ID_NAMESPACES.item].find(
        (n) => n.toLowerCase() === match[1]!.toLowerCase(),
      );
    if (!match || !namespace) refused.push(text);
    else if ((ITEM_ID_NAMESPACES[level] as readonly string[]).includes(namespace))
      own.push({ namespace, value: match[2]!.trim() });
    else otherScope.push(text);
  }
  if (own.length && otherScope.length) {
    warnings.push(counterException(3061, `item_id:${values.join('|')}`));
    return undefined;
  }
  refused.push(...otherScope);
  if (refused.length) warnings.push(counterException(3060, `item_id:${refused.join('|')}`));
  return own.length ? own : undefined;
}

/** `2024-03` or `2024-03-01` → that month's first instant (UTC); null when malformed. */
function monthStart(value: string): Date | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  if (match[3]) {
    const day = Number(match[3]);
    const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    if (day < 1 || day > last) return null;
  }
  return date;
}

function listOf(value: string | null): string[] {
  return (value ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Filter values by a case-insensitive match on the allowed ones; the rest become one 3060 warning. */
function pick<T extends string>(name: string, values: string[], allowed: readonly T[], warnings: CounterException[]) {
  const picked: T[] = [];
  const refused: string[] = [];
  for (const v of values) {
    const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (hit) picked.push(hit);
    else refused.push(v);
  }
  if (refused.length) warnings.push(counterException(3060, `${name}:${refused.join('|')}`));
  return picked;
}

export function parseReportRequest(report: ReportDefinition, query: URLSearchParams, now: Date): ReportRequest {
  const warnings: CounterException[] = [];
  const known = new Set([...AUTH_PARAMETERS, ...COMMON, ...(report.isMaster ? MASTER : [])]);
  if (report.level === 'item' && report.isMaster) known.add('include_parent_details').add('author');
  if (report.level !== 'platform' && report.isMaster) known.add('item_id');
  const unknown = [...new Set(query.keys())].filter((k) => !known.has(k.toLowerCase()));
  if (unknown.length) warnings.push(counterException(3050, unknown.join(', ')));
  const get = (name: string) => query.get(name);

  const beginText = get('begin_date');
  const endText = get('end_date');
  if (!beginText || !endText)
    throw new CounterRequestError(counterException(1030, 'begin_date and end_date are required'));
  const begin = monthStart(beginText);
  const endMonth = monthStart(endText);
  if (!begin || !endMonth)
    throw new CounterRequestError(counterException(3020, 'Dates are yyyy-mm or yyyy-mm-dd (a real date)'));
  if (endMonth < begin) throw new CounterRequestError(counterException(3020, 'end_date is before begin_date'));
  let end = new Date(Date.UTC(endMonth.getUTCFullYear(), endMonth.getUTCMonth() + 1, 1));
  // The current month is still being used: months after it have no usage yet (3031).
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  if (end > nextMonth) {
    warnings.push(
      counterException(3031, `Usage is available up to ${nextMonth.toISOString().slice(0, 7)} (exclusive)`),
    );
    end = nextMonth;
    if (end <= begin) throw new CounterRequestError(counterException(3020, 'begin_date is in the future'));
  }

  let metricTypes = report.metrics;
  let accessTypes = report.accessTypes;
  let dataTypes: string[] | undefined;
  let accessMethods: ('Regular' | 'TDM')[] | undefined;
  let yops: [number, number][] | undefined;
  let attributes: ReportAttribute[] = [];
  let granularity: ReportRequest['granularity'] = 'Month';
  let itemIds: ItemIdentifier[] | undefined;
  let authorOrcid: string | undefined;
  if (report.isMaster) {
    const metrics = pick('metric_type', listOf(get('metric_type')), report.metrics, warnings);
    if (metrics.length) metricTypes = report.metrics.filter((m) => metrics.includes(m));
    const access = pick('access_type', listOf(get('access_type')), ['Controlled', 'Open', 'Free_To_Read'], warnings);
    if (access.length) accessTypes = access.filter((a): a is 'Controlled' | 'Open' => a !== 'Free_To_Read');
    if (get('data_type')) dataTypes = listOf(get('data_type'));
    const methods = pick('access_method', listOf(get('access_method')), ['Regular', 'TDM'] as const, warnings);
    if (methods.length) accessMethods = methods;
    const yopValues = listOf(get('yop'));
    if (yopValues.length) {
      yops = [];
      for (const y of yopValues) {
        const m = /^(\d{4})(?:-(\d{4}))?$/.exec(y);
        if (m) yops.push([Number(m[1]), Number(m[2] ?? m[1])]);
        else warnings.push(counterException(3060, `yop:${y}`));
      }
    }
    attributes = pick(
      'attributes_to_show',
      listOf(get('attributes_to_show')),
      ATTRIBUTES_BY_LEVEL[report.level],
      warnings,
    ).map((a) => a);
    // Refused attribute values are 3062, not 3060.
    for (const w of warnings)
      if (w.Code === 3060 && w.Data?.startsWith('attributes_to_show:'))
        Object.assign(w, counterException(3062, w.Data));
    const granularityText = get('granularity');
    if (granularityText) {
      const known = (['Month', 'Total'] as const).find((g) => g.toLowerCase() === granularityText.toLowerCase());
      if (known) granularity = known;
      else warnings.push(counterException(3062, `granularity:${granularityText}`));
    }
    if (report.level !== 'platform' && get('item_id'))
      itemIds = parseItemIds(report.level, listOf(get('item_id')), warnings);
    const author = report.level === 'item' ? get('author')?.trim() : undefined;
    if (author) {
      const orcid = ORCID.exec(author);
      if (orcid) authorOrcid = orcid[1]!.toUpperCase();
      else warnings.push(counterException(3060, `author:${author}`));
    }
  }
  if (dataTypes && !dataTypes.some((d) => DATA_TYPE_BY_LEVEL[report.level].includes(d))) metricTypes = [];
  const platform = get('platform') ?? undefined;
  return {
    report,
    begin,
    end,
    metricTypes,
    accessTypes,
    dataTypes,
    accessMethods,
    yops,
    attributes,
    includeParentDetails: report.path === 'ir_a1' || get('include_parent_details')?.toLowerCase() === 'true',
    granularity,
    itemIds,
    authorOrcid,
    platform,
    warnings,
  };
}
