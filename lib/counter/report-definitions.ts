// The COUNTER R5.1 reports this platform offers (a journal platform: Code of Practice §4, the
// platform, title and item reports and their standard views for journals). Each names what it
// counts and the filters the Code of Practice fixes for it.

export type MetricType =
  | 'Searches_Platform'
  | 'Total_Item_Investigations'
  | 'Total_Item_Requests'
  | 'Unique_Item_Investigations'
  | 'Unique_Item_Requests'
  | 'Unique_Title_Investigations'
  | 'Unique_Title_Requests'
  | 'Limit_Exceeded'
  | 'No_License';

export type ReportLevel = 'platform' | 'title' | 'item';
export type ReportAttribute = 'YOP' | 'Access_Type' | 'Access_Method' | 'Authors' | 'Publication_Date';

export type ReportDefinition = {
  /** As in the path (lower case) and the header (upper case). */
  path: string;
  id: string;
  name: string;
  description: string;
  level: ReportLevel;
  /** Metric types reported, in the Code of Practice's order. */
  metrics: MetricType[];
  /** A master report takes metric_type, data_type, access_type, yop and attributes_to_show filters. */
  isMaster: boolean;
  /** Access types a standard view is limited to. */
  accessTypes?: ('Controlled' | 'Open')[];
  /** The attribute a standard view breaks its rows down by. */
  breakdown?: 'Access_Type' | 'YOP';
  /** The Data_Type filter a standard view shows in its header. */
  dataType?: 'Journal' | 'Article';
};

const ITEM_METRICS: MetricType[] = [
  'Total_Item_Investigations',
  'Total_Item_Requests',
  'Unique_Item_Investigations',
  'Unique_Item_Requests',
];

// Unique_Title_* count books only (Code of Practice §7.4) and Limit_Exceeded needs a licence with
// a user limit, neither of which this platform has: they are accepted as filters and report nothing.
export const REPORTS: ReportDefinition[] = [
  {
    path: 'pr',
    id: 'PR',
    name: 'Platform Report',
    description: 'Platform-level usage summarized by Metric_Type, with searches.',
    level: 'platform',
    metrics: ['Searches_Platform', ...ITEM_METRICS, 'Unique_Title_Investigations', 'Unique_Title_Requests'],
    isMaster: true,
  },
  {
    path: 'pr_p1',
    id: 'PR_P1',
    name: 'Platform Usage',
    description: 'Platform-level searches and requests (Standard View of the PR).',
    level: 'platform',
    metrics: ['Searches_Platform', 'Total_Item_Requests', 'Unique_Item_Requests', 'Unique_Title_Requests'],
    isMaster: false,
  },
  {
    path: 'tr',
    id: 'TR',
    name: 'Title Report',
    description: 'Usage of each journal, with investigations, requests and denials.',
    level: 'title',
    metrics: [...ITEM_METRICS, 'Unique_Title_Investigations', 'Unique_Title_Requests', 'Limit_Exceeded', 'No_License'],
    isMaster: true,
  },
  {
    path: 'tr_j1',
    id: 'TR_J1',
    name: 'Journal Requests (Controlled)',
    description: 'Requests of controlled (paywalled) journal content, by journal.',
    level: 'title',
    metrics: ['Total_Item_Requests', 'Unique_Item_Requests'],
    isMaster: false,
    accessTypes: ['Controlled'],
    dataType: 'Journal',
  },
  {
    path: 'tr_j2',
    id: 'TR_J2',
    name: 'Journal Access Denied',
    description: 'Access denied (no licence, or the licence limit reached), by journal.',
    level: 'title',
    metrics: ['Limit_Exceeded', 'No_License'],
    isMaster: false,
    dataType: 'Journal',
  },
  {
    path: 'tr_j3',
    id: 'TR_J3',
    name: 'Journal Usage by Access Type',
    description: 'Investigations and requests of journal content, by journal and access type.',
    level: 'title',
    metrics: ITEM_METRICS,
    isMaster: false,
    breakdown: 'Access_Type',
    dataType: 'Journal',
  },
  {
    path: 'tr_j4',
    id: 'TR_J4',
    name: 'Journal Requests by YOP (Controlled)',
    description: 'Requests of controlled journal content, by journal and year of publication.',
    level: 'title',
    metrics: ['Total_Item_Requests', 'Unique_Item_Requests'],
    isMaster: false,
    accessTypes: ['Controlled'],
    breakdown: 'YOP',
    dataType: 'Journal',
  },
  {
    path: 'ir',
    id: 'IR',
    name: 'Item Report',
    description: 'Usage of each article, with investigations, requests and denials.',
    level: 'item',
    metrics: [...ITEM_METRICS, 'Limit_Exceeded', 'No_License'],
    isMaster: true,
  },
  {
    path: 'ir_a1',
    id: 'IR_A1',
    name: 'Journal Article Requests',
    description: 'Requests of each journal article, with its journal.',
    level: 'item',
    metrics: ['Total_Item_Requests', 'Unique_Item_Requests'],
    isMaster: false,
    breakdown: 'Access_Type',
    dataType: 'Article',
  },
];

export function findReport(path: string): ReportDefinition | undefined {
  return REPORTS.find((r) => r.path === path.toLowerCase());
}
