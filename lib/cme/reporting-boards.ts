// The certifying boards whose MOC credit we report through ACCME's PARS, as learners may name them.
export const REPORTING_BOARDS = [
  { code: 'ABIM', name: 'American Board of Internal Medicine' },
  { code: 'ABP', name: 'American Board of Pediatrics' },
  { code: 'ABS', name: 'American Board of Surgery' },
  { code: 'ABPath', name: 'American Board of Pathology' },
  { code: 'ABOHNS', name: 'American Board of Otolaryngology – Head and Neck Surgery' },
] as const;

export type BoardCode = (typeof REPORTING_BOARDS)[number]['code'];

const simplify = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** The board a learner named, by code or full name ("abim", "American Board of Pathology"); null when not one of ours. */
export function findReportingBoard(name: string | null | undefined): BoardCode | null {
  if (!name) return null;
  const key = simplify(name);
  return REPORTING_BOARDS.find((b) => simplify(b.code) === key || simplify(b.name) === key)?.code ?? null;
}
