// COUNTER API credentials (issued once, hashed, revoked at once, audited under the institution)
// and the tabular downloads of the same reports (TSV, and Excel read back with exceljs).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { buildCounterReport } from '@/lib/counter/build-counter-report';
import {
  authenticateCounterRequest,
  createCounterCredential,
  revokeCounterCredential,
} from '@/lib/counter/counter-credentials';
import { CounterRequestError } from '@/lib/counter/counter-exceptions';
import { parseReportRequest } from '@/lib/counter/parse-report-request';
import { findReport } from '@/lib/counter/report-definitions';
import { reportToRows } from '@/lib/counter/report-to-rows';
import { writeTsv, writeXlsx } from '@/lib/counter/write-tabular-report';
import { flushUsageEvents, recordUsage } from '@/lib/usage/usage-event-buffer';
import { resetDatabase } from '../support/reset-db';

let institutionId = '';
let librarianId = '';
const audit = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], entry: { action: string; summary: string }) =>
  tx.auditEvent
    .create({
      data: {
        actorId: librarianId,
        actorEmail: 'librarian@example.org',
        targetType: 'Institution',
        targetId: institutionId,
        ...entry,
      },
    })
    .then(() => undefined);

async function refusalCode(query: Record<string, string>) {
  try {
    await authenticateCounterRequest(new URLSearchParams(query));
    return 0;
  } catch (error) {
    if (error instanceof CounterRequestError) return error.exception.Code;
    throw error;
  }
}

beforeAll(async () => {
  await resetDatabase();
  const journal = await db.journal.create({
    data: { slug: 'j', title: 'Journal J', abbreviation: 'J', issn: '0003-987X' },
  });
  const article = await db.article.create({
    data: {
      doi: '10.1001/j.1',
      title: 'Article One',
      journalId: journal.id,
      articleType: 'research-article',
      previewHtml: '',
      fullTextHtml: '',
      keywords: [],
      publishedOnline: new Date('2025-05-01'),
    },
  });
  institutionId = (await db.institution.create({ data: { name: 'Mercy General', activeFrom: new Date('2025-01-01') } }))
    .id;
  librarianId = (await db.user.create({ data: { email: 'librarian@example.org', name: 'Lib', passwordHash: 'x' } })).id;
  const reader = {
    ip: null,
    userAgent: 'Mozilla/5.0 Firefox/133.0',
    userId: null,
    institutionId,
    articleId: article.id,
  };
  recordUsage({ ...reader, kind: 'request', target: 'page', sessionId: 'a', at: new Date('2026-02-03T10:00:00Z') });
  recordUsage({ ...reader, kind: 'request', target: 'pdf', sessionId: 'a', at: new Date('2026-02-03T10:01:00Z') });
  recordUsage({ ...reader, kind: 'request', target: 'page', sessionId: 'b', at: new Date('2026-03-03T10:00:00Z') });
  await flushUsageEvents();
});

describe('COUNTER API credentials', () => {
  it('work until revoked, keep only a hash, and are audited under the institution', async () => {
    const issued = await createCounterCredential({
      institutionId,
      label: 'Alma harvester',
      createdById: librarianId,
      audit,
    });
    const query = { customer_id: institutionId, requestor_id: issued.requestorId, api_key: issued.apiKey };
    expect(await authenticateCounterRequest(new URLSearchParams(query))).toEqual({
      id: institutionId,
      name: 'Mercy General',
    });
    const stored = await db.counterCredential.findUniqueOrThrow({ where: { id: issued.id } });
    expect(JSON.stringify(stored)).not.toContain(issued.apiKey);
    expect(await refusalCode({ ...query, api_key: issued.apiKey.slice(1) })).toBe(2020);

    expect(await revokeCounterCredential('another-institution', issued.id, audit)).toBe(false);
    expect(await refusalCode(query)).toBe(0);
    expect(await revokeCounterCredential(institutionId, issued.id, audit)).toBe(true);
    expect(await refusalCode(query)).toBe(2000);
    const actions = await db.auditEvent.findMany({
      where: { targetType: 'Institution', targetId: institutionId },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual(['counter.credential.create', 'counter.credential.revoke']);
  });
});

describe('tabular COUNTER reports', () => {
  it('TR_J1 as TSV and Excel: the header block, the headings, one row per metric with its months', async () => {
    const request = parseReportRequest(
      findReport('tr_j1')!,
      new URLSearchParams({ begin_date: '2026-01', end_date: '2026-03' }),
      new Date('2026-06-01'),
    );
    const rows = reportToRows(await buildCounterReport({ id: institutionId, name: 'Mercy General' }, request), request);
    expect(rows.slice(0, 3)).toEqual([
      ['Report_Name', 'Journal Requests (Controlled)'],
      ['Report_ID', 'TR_J1'],
      ['Release', '5.1'],
    ]);
    expect(rows[9]).toEqual(['Reporting_Period', 'Begin_Date=2026-01-01; End_Date=2026-03-31']);
    expect(rows[13]).toEqual([]);
    expect(rows[14]).toEqual([
      'Title',
      'Publisher',
      'Publisher_ID',
      'Platform',
      'DOI',
      'Proprietary_ID',
      'Print_ISSN',
      'Online_ISSN',
      'URI',
      'Metric_Type',
      'Reporting_Period_Total',
      'Jan-2026',
      'Feb-2026',
      'Mar-2026',
    ]);
    expect(rows.slice(15).map((r) => r.slice(9))).toEqual([
      ['Total_Item_Requests', '3', '0', '2', '1'],
      ['Unique_Item_Requests', '2', '0', '1', '1'],
    ]);
    const tsv = writeTsv(rows);
    expect(tsv.startsWith('\uFEFFReport_Name\tJournal Requests (Controlled)\r\n')).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(rows, 'TR_J1')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('TR_J1')!;
    expect(sheet.getRow(16).getCell(11).value).toBe(3); // Reporting_Period_Total, a number
    expect(sheet.getRow(16).getCell(1).value).toBe('Journal J');
  });
});
