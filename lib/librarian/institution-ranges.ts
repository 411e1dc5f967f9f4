import 'server-only';
import { type Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { rangesOverlap } from '@/lib/admin/ip-ranges';
import { parseRangePaste, type ParsedLine } from './parse-range-paste';
import { recordPortalAudit } from './record-portal-audit';
import type { Librarian } from './require-librarian';

/** Most ranges one institution keeps (a campus list is tens; a consortium's some hundreds). */
export const MAX_INSTITUTION_RANGES = 2000;

type Db = Prisma.TransactionClient | typeof db;

export type OwnRange = { id: string; cidr: string };

/** The institution's ranges, IPv4 before IPv6, each in address order (PostgreSQL's cidr ordering). */
export async function listOwnRanges(institutionId: string, client: Db = db): Promise<OwnRange[]> {
  return client.$queryRaw<OwnRange[]>`
    SELECT "id", "cidr" FROM "InstitutionRange"
    WHERE "institutionId" = ${institutionId}
    ORDER BY family("cidr"::cidr), "cidr"::cidr`;
}

export type PreviewLine = ParsedLine & {
  /** Blocks of this line that are not yet in the institution's list (what saving adds). */
  toAdd: string[];
  /** Overlaps with the institution's own ranges, other lines, other institutions (warnings, not errors). */
  overlaps: string[];
};

export type RangePreview = {
  lines: PreviewLine[];
  /** Lines that could not be read: while there are any, saving changes nothing. */
  problems: string[];
  toAdd: string[];
};

type OverlapRow = { candidate: string; existing: string; isOwn: boolean; isSame: boolean; isCoveredBy: boolean };

/**
 * What saving `text` would do for the institution, line by line: the blocks each line adds, and
 * warnings for overlaps and special addresses. Overlaps are found by the database's own cidr
 * operators (the same matching the access decision uses). Another institution is never named.
 */
export async function previewRangePaste(institutionId: string, text: string, client: Db = db): Promise<RangePreview> {
  const parsed = parseRangePaste(text);
  const candidates = [...new Set(parsed.lines.flatMap((l) => (l.ok ? l.ranges.map((r) => r.cidr) : [])))];
  const rows = candidates.length
    ? await client.$queryRaw<OverlapRow[]>`
        SELECT c."cidr" AS "candidate", r."cidr" AS "existing", (r."institutionId" = ${institutionId}) AS "isOwn",
               (r."cidr"::cidr = c."cidr"::cidr) AS "isSame", (r."cidr"::cidr >> c."cidr"::cidr) AS "isCoveredBy"
        FROM unnest(${candidates}::text[]) AS c("cidr")
        JOIN "InstitutionRange" r ON r."cidr"::cidr && c."cidr"::cidr
        ORDER BY r."cidr"::cidr`
    : [];
  const byCandidate = new Map<string, OverlapRow[]>();
  for (const row of rows) byCandidate.set(row.candidate, [...(byCandidate.get(row.candidate) ?? []), row]);
  const seen = new Set<string>();
  const lines: PreviewLine[] = parsed.lines.map((line, index) => {
    if (!line.ok) return { ...line, toAdd: [], overlaps: [] };
    const overlaps: string[] = [];
    const toAdd: string[] = [];
    for (const range of line.ranges) {
      const hits = byCandidate.get(range.cidr) ?? [];
      const own = hits.filter((h) => h.isOwn);
      if (own.some((h) => h.isSame)) overlaps.push(`${range.cidr} is already in your list.`);
      else if (!seen.has(range.cidr)) toAdd.push(range.cidr);
      seen.add(range.cidr);
      for (const h of own.filter((o) => !o.isSame))
        overlaps.push(
          h.isCoveredBy
            ? `${range.cidr} is already covered by your ${h.existing}.`
            : `${range.cidr} covers your ${h.existing} (you may remove that one).`,
        );
      if (hits.some((h) => !h.isOwn))
        overlaps.push(
          `${range.cidr} overlaps a range registered to another institution: readers there are counted for both. Our staff may ask you about it.`,
        );
      for (const earlier of parsed.lines.slice(0, index)) {
        if (earlier.ok && earlier.ranges.some((e) => rangesOverlap(e, range)))
          overlaps.push(`${range.cidr} overlaps line ${earlier.line} (${earlier.text}).`);
      }
    }
    return { ...line, toAdd, overlaps: [...new Set(overlaps)] };
  });
  return { lines, problems: parsed.problems, toAdd: lines.flatMap((l) => l.toAdd) };
}

export type AddRangesOutcome = { saved: boolean; added: string[]; preview: RangePreview; message: string };

/**
 * Adds the paste's ranges to the librarian's own institution, all or nothing: any unreadable line
 * (or too many ranges) and nothing changes. Audited in the same transaction; the ranges reach
 * every server instance's memory through the InstitutionRangeVersion trigger.
 */
export async function addRangesFromPaste(librarian: Librarian, text: string): Promise<AddRangesOutcome> {
  const institutionId = librarian.institution.id;
  return db.$transaction(async (tx) => {
    // One change at a time per institution, so two librarians pasting at once cannot both pass the count check.
    await tx.$executeRaw`SELECT 1 FROM "Institution" WHERE "id" = ${institutionId} FOR UPDATE`;
    const preview = await previewRangePaste(institutionId, text, tx);
    const refuse = (message: string) => ({ saved: false, added: [], preview, message });
    if (!preview.lines.length) return refuse('Paste at least one address or range. Nothing was changed.');
    if (preview.problems.length)
      return refuse(
        `${preview.problems.length === 1 ? 'One line' : `${preview.problems.length} lines`} could not be read. Nothing was changed: correct ${preview.problems.length === 1 ? 'it' : 'them'} and save again.`,
      );
    if (!preview.toAdd.length) return refuse('Every range is already in your list. Nothing was changed.');
    const current = await tx.institutionRange.count({ where: { institutionId } });
    if (current + preview.toAdd.length > MAX_INSTITUTION_RANGES)
      return refuse(
        `Your list would hold ${current + preview.toAdd.length} ranges, more than ${MAX_INSTITUTION_RANGES}. Nothing was changed: please combine ranges or ask our staff.`,
      );
    await tx.institutionRange.createMany({ data: preview.toAdd.map((cidr) => ({ institutionId, cidr })) });
    await recordPortalAudit(tx, librarian, {
      action: 'librarian.ranges.add',
      summary: `Added ${preview.toAdd.length === 1 ? 'range' : `${preview.toAdd.length} ranges`}: ${preview.toAdd.join(', ')}`,
      after: { added: preview.toAdd, entries: preview.lines.map((l) => l.text) },
    });
    const n = preview.toAdd.length;
    return { saved: true, added: preview.toAdd, preview, message: `Added ${n} ${n === 1 ? 'range' : 'ranges'}.` };
  });
}

/**
 * Removes one of the librarian's own ranges. A range of another institution is answered exactly
 * as a missing one, so an id never tells whether it exists elsewhere.
 */
export async function removeOwnRange(librarian: Librarian, rangeId: string): Promise<{ removed: string | null }> {
  const institutionId = librarian.institution.id;
  return db.$transaction(async (tx) => {
    const range = await tx.institutionRange.findFirst({ where: { id: rangeId, institutionId } });
    if (!range) return { removed: null };
    await tx.institutionRange.delete({ where: { id: range.id } });
    await recordPortalAudit(tx, librarian, {
      action: 'librarian.ranges.remove',
      summary: `Removed range ${range.cidr}`,
      before: { id: range.id, cidr: range.cidr },
    });
    return { removed: range.cidr };
  });
}
