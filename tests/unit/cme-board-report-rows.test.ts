import { describe, expect, it } from 'vitest';
import {
  checkBoardRow,
  formatParsFile,
  splitLearnerName,
  toAbimMocCells,
  type BoardCompletion,
} from '@/lib/cme/board-report-rows';
import { findReportingBoard } from '@/lib/cme/reporting-boards';

const completion = (overrides: Partial<BoardCompletion> = {}): BoardCompletion => ({
  certificateId: 'CME-7K3M-Q9XD-2HPA',
  activityId: 'act1',
  activityTitle: 'Atopic Dermatitis',
  learnerName: 'Ada B. Learner, MD',
  completedAt: new Date('2026-03-05T23:30:00Z'),
  creditQuarters: 3,
  maxCreditQuarters: 4,
  abimMocPoints: 1,
  boardName: 'ABIM',
  boardId: '123456',
  birthMonth: 2,
  birthDay: 29,
  ...overrides,
});

describe('board reporting rows', () => {
  it('names boards by code or full name, and no others', () => {
    expect(findReportingBoard('abim')).toBe('ABIM');
    expect(findReportingBoard('American Board of Pathology')).toBe('ABPath');
    expect(findReportingBoard('American Board of Otolaryngology - Head and Neck Surgery')).toBe('ABOHNS');
    expect(findReportingBoard('American Board of Dermatology')).toBeNull();
    expect(findReportingBoard(null)).toBeNull();
  });

  it('splits a name as the board holds it, without degrees', () => {
    expect(splitLearnerName('Ada B. Learner, MD')).toEqual({ firstName: 'Ada B.', lastName: 'Learner' });
    expect(splitLearnerName('Prince')).toEqual({ firstName: '', lastName: 'Prince' });
  });

  it('makes a PARS row with US dates (UTC), decimal credits and the MOC points of ABIM learners', () => {
    const check = checkBoardRow(completion(), 'pars');
    expect(check).toEqual({
      isValid: true,
      row: {
        activityId: 'act1',
        firstName: 'Ada B.',
        lastName: 'Learner',
        board: 'ABIM',
        boardId: '123456',
        birthMonth: 2,
        birthDay: 29,
        completionDate: '03/05/2026',
        credits: '0.75',
        mocPoints: 1,
      },
    });
    if (!check.isValid) return;
    expect(formatParsFile([check.row])).toBe('act1\tAda B.\tLearner\tABIM\t123456\t2\t29\t03/05/2026\t0.75\t1\r\n');
    expect(toAbimMocCells(check.row)).toEqual([
      '123456',
      'Ada B.',
      'Learner',
      '2',
      '29',
      'act1',
      '03/05/2026',
      '1',
      'Medical Knowledge',
    ]);
    const surgeon = checkBoardRow(completion({ boardName: 'American Board of Surgery', boardId: 'S99' }), 'pars');
    expect(surgeon).toMatchObject({ isValid: true, row: { board: 'ABS', mocPoints: null } });
  });

  it('refuses a row with every reason at once, never half-filled', () => {
    const check = checkBoardRow(
      completion({ learnerName: 'Prince', boardId: '12345', birthMonth: null, birthDay: null, creditQuarters: 5 }),
      'pars',
    );
    expect(check).toEqual({
      isValid: false,
      reasons: [
        'the learner’s name needs a first and a last name',
        'the ABIM id “12345” is not six digits',
        'the learner has not shared a month and day of birth',
        'the credit claimed is outside the activity’s range',
      ],
    });
    expect(checkBoardRow(completion({ boardName: null, boardId: null }), 'pars')).toMatchObject({
      isValid: false,
      reasons: ['the learner has not shared a certifying board and board id'],
    });
    expect(checkBoardRow(completion({ boardName: 'American Board of Dermatology' }), 'pars')).toMatchObject({
      isValid: false,
      reasons: ['“American Board of Dermatology” is not a board we report to through PARS'],
    });
    expect(checkBoardRow(completion({ boardName: 'ABS', boardId: 'S\t1' }), 'pars')).toMatchObject({ isValid: false });
  });

  it('takes ABIM MOC records only for ABIM diplomates on activities with MOC points', () => {
    expect(checkBoardRow(completion(), 'abim-moc').isValid).toBe(true);
    expect(checkBoardRow(completion({ boardName: 'ABP', boardId: '4321' }), 'abim-moc')).toMatchObject({
      isValid: false,
      reasons: ['the learner’s board is ABP, not ABIM'],
    });
    expect(checkBoardRow(completion({ abimMocPoints: null }), 'abim-moc')).toMatchObject({
      isValid: false,
      reasons: ['the activity carries no ABIM MOC points'],
    });
  });
});
