import 'server-only';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { JOURNAL } from '@/lib/site/journal-facts';
import { counterException } from './counter-exceptions';
import type { ItemIdentifier, ReportRequest } from './parse-report-request';
import type { MetricType } from './report-definitions';
import { queryArticleMonthCounts, querySearchMonthCounts, type ArticleMonthCounts } from './query-usage-counts';

/** The platform's name in every report (COUNTER's Platform element) and the namespace of its ids. */
export const PLATFORM_NAME = 'Archives of Dermatology Online';
export const PLATFORM_ID = 'archdermatol';

export type ReportCustomer = { id: string; name: string };
type Counts = Record<string, number>;
type Performance = Partial<Record<MetricType, Counts>>;
type JsonObject = Record<string, unknown>;

const FIELD_OF: Partial<Record<MetricType, keyof ArticleMonthCounts>> = {
  Total_Item_Investigations: 'totalInvestigations',
  Total_Item_Requests: 'totalRequests',
  Unique_Item_Investigations: 'uniqueInvestigations',
  Unique_Item_Requests: 'uniqueRequests',
  No_License: 'noLicense',
};

/** The key a month's usage is counted under: itself, or (granularity Total) the period's first month. */
type PeriodOf = (month: string) => string;
const periodOfRequest = (request: ReportRequest): PeriodOf => {
  const first = request.begin.toISOString().slice(0, 7);
  return request.granularity === 'Total' ? () => first : (month) => month;
};

/** Sums rows into one Performance: only the metrics asked for, only months with usage (R5.1 JSON). */
function performanceOf(rows: ArticleMonthCounts[], metrics: MetricType[], periodOf: PeriodOf): Performance {
  const performance: Performance = {};
  for (const metric of metrics) {
    const field = FIELD_OF[metric];
    if (!field) continue;
    const counts: Counts = {};
    for (const row of rows) {
      const n = row[field] as number;
      const period = periodOf(row.month);
      if (n > 0) counts[period] = (counts[period] ?? 0) + n;
    }
    if (Object.keys(counts).length) performance[metric] = sortMonths(counts);
  }
  return performance;
}

function sortMonths(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const yopOf = (row: ArticleMonthCounts) => String(row.yop ?? 1).padStart(4, '0'); // 0001: unknown (CoP §3.3)

function reportFilters(request: ReportRequest): JsonObject {
  const { report } = request;
  const filters: JsonObject = {
    Begin_Date: isoDate(request.begin),
    End_Date: isoDate(new Date(request.end.getTime() - 86_400_000)),
  };
  if (request.platform) filters.Platform = request.platform;
  if (!report.isMaster) {
    if (report.dataType) filters.Data_Type = [report.dataType];
    if (report.accessTypes) filters.Access_Type = report.accessTypes;
    filters.Access_Method = ['Regular'];
    filters.Metric_Type = report.metrics;
    return filters;
  }
  if (request.metricTypes.length !== report.metrics.length && request.metricTypes.length)
    filters.Metric_Type = request.metricTypes;
  if (request.dataTypes) filters.Data_Type = request.dataTypes;
  if (request.accessTypes) filters.Access_Type = request.accessTypes;
  if (request.accessMethods) filters.Access_Method = request.accessMethods;
  if (request.yops) filters.YOP = request.yops.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`));
  if (request.itemIds) filters.Item_ID = request.itemIds.map((i) => `${i.namespace}:${i.value}`).join('|');
  if (request.authorOrcid) filters.Author = `ORCID:${request.authorOrcid}`;
  return filters;
}

const PROPRIETARY_PREFIX = `${PLATFORM_ID}:`;
const proprietaryIds = (ids: ItemIdentifier[]) =>
  ids
    .filter((i) => i.namespace === 'Proprietary' && i.value.startsWith(PROPRIETARY_PREFIX))
    .map((i) => i.value.slice(PROPRIETARY_PREFIX.length));
const valuesOf = (ids: ItemIdentifier[], namespace: ItemIdentifier['namespace']) =>
  ids.filter((i) => i.namespace === namespace).map((i) => i.value);

/**
 * The journals (TR) or articles (IR) the item_id and author filters leave, or undefined when no
 * filter applies. An identifier we do not know leaves nothing (the report says 3030).
 */
async function filteredIds(request: ReportRequest): Promise<{ journalIds?: string[]; articleIds?: string[] }> {
  const { itemIds, authorOrcid } = request;
  if (request.report.level === 'title' && itemIds) {
    const issns = [...valuesOf(itemIds, 'Online_ISSN'), ...valuesOf(itemIds, 'Print_ISSN')];
    const journals = await db.journal.findMany({
      where: { OR: [{ issn: { in: issns } }, { eissn: { in: issns } }, { slug: { in: proprietaryIds(itemIds) } }] },
      select: { id: true },
    });
    return { journalIds: journals.map((j) => j.id) };
  }
  if (request.report.level !== 'item' || (!itemIds && !authorOrcid)) return {};
  let articleIds: string[] | undefined;
  if (itemIds) {
    const dois = valuesOf(itemIds, 'DOI');
    const articles = await db.article.findMany({
      where: {
        OR: [
          ...dois.map((doi) => ({ doi: { equals: doi, mode: 'insensitive' as const } })),
          { id: { in: proprietaryIds(itemIds) } },
        ],
      },
      select: { id: true },
    });
    articleIds = articles.map((a) => a.id);
  }
  if (authorOrcid) {
    const forms = [authorOrcid, `https://orcid.org/${authorOrcid}`, `http://orcid.org/${authorOrcid}`];
    const byAuthor = await db.articleAuthor.findMany({
      where: { orcid: { in: forms }, ...(articleIds ? { articleId: { in: articleIds } } : {}) },
      select: { articleId: true },
    });
    articleIds = [...new Set(byAuthor.map((a) => a.articleId))];
  }
  return { articleIds };
}

/**
 * One COUNTER R5.1 report in its JSON form (Code of Practice §3, §4): header with the filters and
 * attributes applied and the exceptions met, then the items. Counts come from the usage events
 * with COUNTER's rules applied (lib/counter/query-usage-counts.ts).
 */
export async function buildCounterReport(customer: ReportCustomer, request: ReportRequest): Promise<JsonObject> {
  const { report } = request;
  const warnings = [...request.warnings];
  const isOurPlatform = !request.platform || request.platform.toLowerCase() === PLATFORM_ID;
  if (!isOurPlatform) warnings.push(counterException(3060, `platform:${request.platform}`));
  const isRegular = !request.accessMethods || request.accessMethods.includes('Regular');
  const hasWork = isOurPlatform && isRegular && request.metricTypes.length > 0;
  const scope = {
    institutionId: customer.id,
    begin: request.begin,
    end: request.end,
    accessTypes: request.accessTypes,
    yops: request.yops,
    ...(hasWork ? await filteredIds(request) : {}),
  };
  const [rows, searches] = hasWork
    ? await Promise.all([
        queryArticleMonthCounts(scope, { perJournal: report.level !== 'item' }),
        report.level === 'platform' && request.metricTypes.includes('Searches_Platform')
          ? querySearchMonthCounts(scope)
          : [],
      ])
    : [[], []];

  const items =
    report.level === 'platform'
      ? platformItems(request, rows, searches)
      : report.level === 'title'
        ? await titleItems(request, rows)
        : await itemItems(request, rows);
  if (items.length === 0) warnings.push(counterException(3030));

  const header: JsonObject = {
    Report_Name: report.name,
    Report_ID: report.id,
    Release: '5.1',
    Institution_Name: customer.name,
    Institution_ID: { Proprietary: [`${PLATFORM_ID}:${customer.id}`] },
    Report_Filters: reportFilters(request),
  };
  const attributes: JsonObject = {};
  if (request.attributes.length) attributes.Attributes_To_Show = request.attributes;
  if (report.isMaster && report.level === 'item' && request.includeParentDetails)
    attributes.Include_Parent_Details = 'True';
  if (request.granularity === 'Total') attributes.Granularity = 'Total';
  if (Object.keys(attributes).length) header.Report_Attributes = attributes;
  if (warnings.length) header.Exceptions = warnings;
  header.Created = clockNow()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  header.Created_By = JOURNAL.publisher;
  header.Registry_Record = '';
  return { Report_Header: header, Report_Items: items };
}

function platformItems(
  request: ReportRequest,
  rows: ArticleMonthCounts[],
  searches: { month: string; searches: number }[],
) {
  const withMethod = request.attributes.includes('Access_Method') ? { Access_Method: 'Regular' } : {};
  const entries: JsonObject[] = [];
  const searchCounts: Counts = {};
  const periodOf = periodOfRequest(request);
  for (const s of searches)
    if (s.searches > 0) searchCounts[periodOf(s.month)] = (searchCounts[periodOf(s.month)] ?? 0) + s.searches;
  if (Object.keys(searchCounts).length)
    entries.push({
      Data_Type: 'Platform',
      ...withMethod,
      Performance: { Searches_Platform: sortMonths(searchCounts) },
    });
  const performance = performanceOf(rows, request.metricTypes, periodOf);
  if (Object.keys(performance).length) entries.push({ Data_Type: 'Article', ...withMethod, Performance: performance });
  return entries.length ? [{ Platform: PLATFORM_NAME, Attribute_Performance: entries }] : [];
}

/** Breaks one title's or item's rows down by the attributes shown, in a stable order. */
function attributePerformance(request: ReportRequest, rows: ArticleMonthCounts[], dataType: string): JsonObject[] {
  const { report } = request;
  const byYop = report.breakdown === 'YOP' || request.attributes.includes('YOP');
  const byAccess = report.breakdown === 'Access_Type' || request.attributes.includes('Access_Type');
  const groups = groupBy(rows, (r) => `${byYop ? yopOf(r) : ''}|${byAccess ? r.accessType : ''}`);
  const entries: JsonObject[] = [];
  for (const [, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const performance = performanceOf(group, request.metricTypes, periodOfRequest(request));
    if (!Object.keys(performance).length) continue;
    const first = group[0]!;
    entries.push({
      ...(report.isMaster ? { Data_Type: dataType } : {}),
      ...(byYop ? { YOP: yopOf(first) } : {}),
      ...(byAccess ? { Access_Type: first.accessType } : {}),
      ...(report.isMaster && request.attributes.includes('Access_Method') ? { Access_Method: 'Regular' } : {}),
      Performance: performance,
    });
  }
  return entries;
}

function journalItemId(journal: { slug: string; issn: string | null; eissn: string | null }): JsonObject {
  return {
    ...(journal.issn ? { Print_ISSN: journal.issn } : {}),
    ...(journal.eissn ? { Online_ISSN: journal.eissn } : {}),
    Proprietary: `${PLATFORM_ID}:${journal.slug}`,
  };
}

async function titleItems(request: ReportRequest, rows: ArticleMonthCounts[]) {
  const byJournal = groupBy(rows, (r) => r.journalId);
  const journals = await db.journal.findMany({ where: { id: { in: [...byJournal.keys()] } } });
  const items: JsonObject[] = [];
  for (const journal of journals.sort((a, b) => a.title.localeCompare(b.title))) {
    const entries = attributePerformance(request, byJournal.get(journal.id) ?? [], 'Journal');
    if (!entries.length) continue;
    items.push({
      Title: journal.title,
      Publisher: journal.publisher ?? JOURNAL.publisher,
      Platform: PLATFORM_NAME,
      Item_ID: journalItemId(journal),
      Attribute_Performance: entries,
    });
  }
  return items;
}

async function itemItems(request: ReportRequest, rows: ArticleMonthCounts[]) {
  const byArticle = groupBy(rows, (r) => r.articleId);
  const articles = await db.article.findMany({
    where: { id: { in: [...byArticle.keys()] } },
    select: {
      id: true,
      doi: true,
      title: true,
      publishedOnline: true,
      journalId: true,
      journal: true,
      authors: {
        select: { givenNames: true, surname: true, collab: true, orcid: true },
        orderBy: { position: 'asc' },
        take: 3,
      },
    },
  });
  const showAuthors = !request.report.isMaster || request.attributes.includes('Authors');
  const showDate = !request.report.isMaster || request.attributes.includes('Publication_Date');
  const itemsByJournal = new Map<string, { journal: (typeof articles)[number]['journal']; items: JsonObject[] }>();
  for (const article of articles.sort((a, b) => a.title.localeCompare(b.title))) {
    const entries = attributePerformance(request, byArticle.get(article.id) ?? [], 'Article');
    if (!entries.length) continue;
    const authors = article.authors
      .map((a) => ({ name: a.collab ?? [a.surname, a.givenNames].filter(Boolean).join(', '), orcid: a.orcid }))
      .filter((a) => a.name.trim().length >= 2)
      .map((a) => ({ Name: a.name, ...(a.orcid ? { ORCID: a.orcid.replace(/^https?:\/\/orcid\.org\//, '') } : {}) }));
    const item: JsonObject = {
      Item: article.title,
      Publisher: article.journal.publisher ?? JOURNAL.publisher,
      Platform: PLATFORM_NAME,
      ...(showAuthors && authors.length ? { Authors: authors } : {}),
      ...(showDate && article.publishedOnline ? { Publication_Date: isoDate(article.publishedOnline) } : {}),
      Item_ID: { DOI: article.doi, Proprietary: `${PLATFORM_ID}:${article.id}` },
      Attribute_Performance: entries,
    };
    const group = itemsByJournal.get(article.journalId) ?? { journal: article.journal, items: [] };
    group.items.push(item);
    itemsByJournal.set(article.journalId, group);
  }
  if (!request.includeParentDetails) {
    const all = [...itemsByJournal.values()].flatMap((g) => g.items);
    return all.length ? [{ Items: all }] : [];
  }
  return [...itemsByJournal.values()].map(({ journal, items }) => ({
    Title: journal.title,
    Item_ID: journalItemId(journal),
    ...(request.report.isMaster ? { Data_Type: 'Journal' } : {}),
    Items: items,
  }));
}
