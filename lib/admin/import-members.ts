import 'server-only';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { ValidationError } from '@/lib/errors/app-error';
import { recordAudit } from './record-audit';
import { parseDay } from './date-range';

export const MAX_CSV_BYTES = 1024 * 1024;
export const MAX_CSV_ROWS = 20_000;

export const importMembersSchema = z.object({
  fileName: z.string().max(200).default('members.csv'),
  csv: z.string().max(MAX_CSV_BYTES, 'The file is larger than 1 MB.'),
});

const row = z.object({
  member_number: z
    .string()
    .trim()
    .min(1, 'member_number is empty')
    .max(40, 'member_number is longer than 40 characters'),
  last_name: z.string().trim().min(1, 'last_name is empty').max(80, 'last_name is longer than 80 characters'),
  // One reason per row: the shape, or else the calendar (2027-02-30).
  expires_on: z
    .string()
    .trim()
    .transform((d, ctx) => {
      if (parseDay(d)) return new Date(`${d}T23:59:59.999Z`);
      const isShaped = /^\d{4}-\d{2}-\d{2}$/.test(d);
      ctx.addIssue({
        code: 'custom',
        message: isShaped ? 'expires_on is not a real date' : 'expires_on must be a date like 2027-12-31',
      });
      return z.NEVER;
    }),
  plan: z.enum(['monthly', 'annual'], { message: 'plan must be monthly or annual' }).catch('annual'),
  activation_code: z.string().trim().max(40, 'activation_code is longer than 40 characters').optional(),
});

export type RowProblem = { line: number; reason: string };
export type ImportReport = { imported: number; updated: number; problems: RowProblem[] };

/**
 * Imports society members (member_number, last_name, expires_on[, plan, activation_code]) for
 * activation. Bad rows are reported by line with the reason; the good rows are written in one
 * transaction (a record already claimed keeps its owner; its expiry is updated).
 */
export async function importMembers(
  actor: CurrentUser,
  input: z.infer<typeof importMembersSchema>,
): Promise<ImportReport> {
  let records: Record<string, string>[];
  try {
    records = parse(input.csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new ValidationError(`The file is not valid CSV: ${(error as Error).message}. Nothing was imported.`);
  }
  if (records.length > MAX_CSV_ROWS)
    throw new ValidationError(
      `The file has ${records.length} rows; the limit is ${MAX_CSV_ROWS}. Nothing was imported.`,
    );
  const problems: RowProblem[] = [];
  const good: (z.infer<typeof row> & { line: number })[] = [];
  const seen = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  records.forEach((record, i) => {
    const line = i + 2; // line 1 is the header
    const parsed = row.safeParse(record);
    if (!parsed.success) return problems.push({ line, reason: parsed.error.issues.map((x) => x.message).join('; ') });
    const first = seen.get(parsed.data.member_number);
    if (first)
      return problems.push({
        line,
        reason: `member_number ${parsed.data.member_number} is repeated (first on line ${first})`,
      });
    const code = parsed.data.activation_code?.toUpperCase();
    if (code && seenCodes.has(code))
      return problems.push({
        line,
        reason: `activation_code ${code} is repeated (first on line ${seenCodes.get(code)})`,
      });
    seen.set(parsed.data.member_number, line);
    if (code) seenCodes.set(code, line);
    good.push({ ...parsed.data, line });
  });
  if (records.length === 0)
    throw new ValidationError('The file has no rows under its header line (member_number,last_name,expires_on).');

  const counts = await db.$transaction(async (tx) => {
    const codes = good.map((r) => r.activation_code?.toUpperCase()).filter((c): c is string => Boolean(c));
    const taken = await tx.memberRecord.findMany({
      where: { activationCode: { in: codes }, memberNumber: { notIn: good.map((r) => r.member_number) } },
      select: { activationCode: true, memberNumber: true },
    });
    if (taken.length) {
      const list = taken.map((t) => `${t.activationCode} (member ${t.memberNumber})`).join(', ');
      throw new ValidationError(
        `These activation codes already belong to other members: ${list}. Nothing was imported.`,
      );
    }
    let imported = 0;
    let updated = 0;
    for (const r of good) {
      const data = {
        lastName: r.last_name,
        expiresAt: r.expires_on,
        plan: r.plan,
        activationCode: r.activation_code?.toUpperCase() || null,
      };
      const existing = await tx.memberRecord.findUnique({
        where: { memberNumber: r.member_number },
        select: { id: true },
      });
      if (existing) {
        await tx.memberRecord.update({ where: { id: existing.id }, data });
        updated++;
      } else {
        await tx.memberRecord.create({ data: { memberNumber: r.member_number, ...data } });
        imported++;
      }
    }
    await recordAudit(tx, actor, {
      action: 'members.import',
      targetType: 'MemberRecord',
      summary: `Imported ${input.fileName}: ${imported} new, ${updated} updated, ${problems.length} rejected`,
      after: { imported, updated, problems },
    });
    return { imported, updated };
  });
  return { ...counts, problems };
}
