// Rows for reporting completions to ACCME PARS (CME and MOC, tab-delimited learner upload) and
// ABIM MOC completion records. Every row is validated; a refused row is reported with its reasons,
// never silently dropped or sent half-filled. Pure: tested without a database.
import { findReportingBoard, type BoardCode } from './reporting-boards';

/** One completion with what the learner consented to share (null where they did not). */
export type BoardCompletion = {
  certificateId: string;
  activityId: string;
  activityTitle: string;
  learnerName: string;
  completedAt: Date;
  creditQuarters: number;
  maxCreditQuarters: number;
  abimMocPoints: number | null;
  boardName: string | null;
  boardId: string | null;
  birthMonth: number | null;
  birthDay: number | null;
};

export type ReportRow = {
  activityId: string;
  firstName: string;
  lastName: string;
  board: BoardCode;
  boardId: string;
  birthMonth: number;
  birthDay: number;
  /** MM/DD/YYYY (UTC), as PARS takes dates */
  completionDate: string;
  credits: string;
  mocPoints: number | null;
};

export type RowCheck = { isValid: true; row: ReportRow } | { isValid: false; reasons: string[] };

// Board ids as each board issues them: ABIM's are six digits; the others' we only bound.
const BOARD_ID_FORMAT: Record<BoardCode, { pattern: RegExp; description: string }> = {
  ABIM: { pattern: /^\d{6}$/, description: 'six digits' },
  ABP: { pattern: /^\d{1,10}$/, description: 'digits only' },
  ABS: { pattern: /^[A-Za-z0-9]{1,20}$/, description: 'letters and digits only' },
  ABPath: { pattern: /^[A-Za-z0-9]{1,20}$/, description: 'letters and digits only' },
  ABOHNS: { pattern: /^[A-Za-z0-9]{1,20}$/, description: 'letters and digits only' },
};

/**
 * "Ada B. Learner, MD" → first "Ada B.", last "Learner": degrees after the comma are not part of
 * the name the board holds.
 */
export function splitLearnerName(name: string): { firstName: string; lastName: string } {
  const words = (name.split(',')[0] ?? '').trim().split(/\s+/).filter(Boolean);
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? '' };
}

const pad = (n: number) => String(n).padStart(2, '0');
const usDate = (d: Date) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;

/** Checks one completion for a PARS learner record (`kind: 'pars'`) or an ABIM MOC record (`'abim-moc'`). */
export function checkBoardRow(c: BoardCompletion, kind: 'pars' | 'abim-moc'): RowCheck {
  const reasons: string[] = [];
  const { firstName, lastName } = splitLearnerName(c.learnerName);
  if (!firstName || !lastName) reasons.push('the learner’s name needs a first and a last name');
  const board = findReportingBoard(c.boardName);
  if (!c.boardName || !c.boardId) reasons.push('the learner has not shared a certifying board and board id');
  else if (!board) reasons.push(`“${c.boardName}” is not a board we report to through PARS`);
  else if (!BOARD_ID_FORMAT[board].pattern.test(c.boardId))
    reasons.push(`the ${board} id “${c.boardId}” is not ${BOARD_ID_FORMAT[board].description}`);
  if (!c.birthMonth || !c.birthDay) reasons.push('the learner has not shared a month and day of birth');
  if (c.creditQuarters < 1 || c.creditQuarters > c.maxCreditQuarters)
    reasons.push('the credit claimed is outside the activity’s range');
  if (kind === 'abim-moc') {
    if (board && board !== 'ABIM') reasons.push(`the learner’s board is ${board}, not ABIM`);
    if (!c.abimMocPoints) reasons.push('the activity carries no ABIM MOC points');
  }
  // A tab or line break inside a value would shift every later column of the upload.
  if ([firstName, lastName, c.boardId ?? ''].some((v) => /[\t\r\n]/.test(v)))
    reasons.push('a value contains a tab or line break');
  if (reasons.length > 0 || !board) return { isValid: false, reasons };
  return {
    isValid: true,
    row: {
      activityId: c.activityId,
      firstName,
      lastName,
      board,
      boardId: c.boardId!,
      birthMonth: c.birthMonth!,
      birthDay: c.birthDay!,
      completionDate: usDate(c.completedAt),
      credits: (c.creditQuarters / 4).toFixed(2),
      mocPoints: board === 'ABIM' ? c.abimMocPoints : null,
    },
  };
}

/**
 * PARS learner upload columns, in file order (tab-delimited, no header row).
 *
 * NOT CHECKED against ACCME's template: the column list could not be read from any source
 * available here (2026-12-01). What was found: ACCME's "PARS Participant Tab Delimited File Upload
 * Instructions – Learner Template B" (document 736, last update April 23, 2020; copy at
 * https://vdocuments.mx/overview-contents-accreditation-council-for-continuing-apr-23-2020-.html),
 * whose column appendix was not in the excerpt; and that ACCME now publishes an Excel learner
 * template, "Excel Template Instructions for Submitting Learner Completion Data" (November 19,
 * 2025, https://accme.org/resource/excel-learner-upload-instructions/), which reports CME, MOC,
 * REMS or combined credit in one row and asks providers to pre-validate learners first. Before
 * the first real upload, compare this order with that template's columns and change it here
 * (the one place that holds it; tests/unit/cme-board-report-rows.test.ts follows it).
 */
export const PARS_COLUMNS = [
  'Provider Activity ID',
  'Learner First Name',
  'Learner Last Name',
  'Certifying Board',
  'Board ID',
  'DOB Month',
  'DOB Day',
  'Completion Date',
  'AMA PRA Category 1 Credits',
  'MOC Points',
] as const;

export function formatParsFile(rows: readonly ReportRow[]): string {
  return rows
    .map((r) =>
      [
        r.activityId,
        r.firstName,
        r.lastName,
        r.board,
        r.boardId,
        String(r.birthMonth),
        String(r.birthDay),
        r.completionDate,
        r.credits,
        r.mocPoints === null ? '' : String(r.mocPoints),
      ].join('\t'),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}

/** ABIM MOC completion records: the fields ABIM matches a diplomate on, with the points earned. */
export const ABIM_MOC_COLUMNS = [
  'ABIM ID',
  'First Name',
  'Last Name',
  'DOB Month',
  'DOB Day',
  'Provider Activity ID',
  'Completion Date',
  'MOC Points',
  'MOC Credit Type',
] as const;

export function toAbimMocCells(r: ReportRow): string[] {
  return [
    r.boardId,
    r.firstName,
    r.lastName,
    String(r.birthMonth),
    String(r.birthDay),
    r.activityId,
    r.completionDate,
    String(r.mocPoints ?? ''),
    'Medical Knowledge',
  ];
}
