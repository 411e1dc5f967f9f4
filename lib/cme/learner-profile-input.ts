import { z } from 'zod';

const consent = z
  .union([z.literal('on'), z.literal('')])
  .optional()
  .transform((v) => v === 'on');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

const stateCode = z
  .string()
  .trim()
  .regex(/^([A-Z]{2})?$/, 'Choose a state.')
  .optional();

/** The form offers this many licence rows (fields licenceState0, licenceNumber0, …). */
export const LICENCE_ROWS = 3;

/**
 * The learner profile form. Every detail has its own consent box; a detail without consent is
 * never stored, and withdrawing consent erases it.
 */
export const learnerProfileSchema = z
  .object({
    npi: z
      .string()
      .trim()
      .regex(/^(\d{10})?$/, 'An NPI has 10 digits.')
      .optional()
      .transform((v) => v || null),
    npiConsent: consent,
    boardName: optionalText(120),
    boardId: optionalText(40),
    boardConsent: consent,
    birthMonth: z.coerce.number().int().min(0).max(12).optional(),
    birthDay: z.coerce.number().int().min(0).max(31).optional(),
    birthConsent: consent,
    licencesConsent: consent,
    licenceState0: stateCode,
    licenceNumber0: optionalText(40),
    licenceState1: stateCode,
    licenceNumber1: optionalText(40),
    licenceState2: stateCode,
    licenceNumber2: optionalText(40),
  })
  .superRefine((v, ctx) => {
    const month = v.birthMonth ?? 0;
    const day = v.birthDay ?? 0;
    if ((month === 0) !== (day === 0))
      ctx.addIssue({ code: 'custom', path: ['birthDay'], message: 'Give both month and day of birth, or neither.' });
    // 2000 is a leap year, so 29 February is allowed.
    if (month && day && new Date(Date.UTC(2000, month - 1, day)).getUTCMonth() !== month - 1) {
      ctx.addIssue({ code: 'custom', path: ['birthDay'], message: 'That day does not exist in that month.' });
    }
  });

export type LearnerProfileInput = z.infer<typeof learnerProfileSchema>;

/** The licence rows that have both a state and a number, one per state. */
export function readLicences(input: LearnerProfileInput): { stateCode: string; number: string }[] {
  const rows = [
    [input.licenceState0, input.licenceNumber0],
    [input.licenceState1, input.licenceNumber1],
    [input.licenceState2, input.licenceNumber2],
  ] as const;
  const byState = new Map<string, string>();
  for (const [stateCode, number] of rows) if (stateCode && number) byState.set(stateCode, number);
  return [...byState].map(([stateCode, number]) => ({ stateCode, number }));
}
