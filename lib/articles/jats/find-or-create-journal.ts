import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { slugify } from './slugify';
import type { ParsedJournal } from './jats-front';

type Tx = Prisma.TransactionClient;

const same = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The journal an article belongs to: the one sharing an ISSN (print or electronic, either way round),
 * else the one with the same title and no other ISSN, else a new one. Never changes a stored journal:
 * an article's journal-meta that disagrees with the record only adds a warning.
 */
export async function findOrCreateJournal(
  tx: Tx,
  journal: ParsedJournal,
  warnings: string[],
  /** Journals already looked up in this transaction (an import batch's files mostly share one). */
  seen?: JournalsSeen,
): Promise<{ id: string }> {
  const key = JSON.stringify(journal);
  const known = seen?.get(key);
  if (known) {
    // The same journal-meta again: a journal created for it now agrees with it, a stored one
    // disagrees as it did for the file before.
    if (!known.created) addDisagreements(known.journal, journal, warnings);
    return known.journal;
  }
  const stored = await lookUpOrCreate(tx, journal, warnings);
  seen?.set(key, stored);
  return stored.journal;
}

type JournalRow = Awaited<ReturnType<Tx['journal']['create']>>;
type StoredJournal = { journal: JournalRow; created: boolean };
/** Journal-meta looked up so far, as findOrCreateJournal found or created its journal. */
export type JournalsSeen = Map<string, StoredJournal>;

function addDisagreements(found: JournalRow, journal: ParsedJournal, warnings: string[]) {
  const disagree = (what: string, stored: string | null, given: string | null) => {
    if (!given || (stored && same(stored, given))) return;
    warnings.push(
      stored
        ? `journal ${found.abbreviation}: the file gives the ${what} "${given}", the stored journal has "${stored}"; the stored journal was kept`
        : `journal ${found.abbreviation}: the file gives the ${what} "${given}", which the stored journal lacks; the stored journal was kept`,
    );
  };
  disagree('title', found.title, journal.title);
  disagree('print ISSN', found.issn, journal.issn);
  disagree('electronic ISSN', found.eissn, journal.eissn);
  if (found.publisher) disagree('publisher', found.publisher, journal.publisher);
}

async function lookUpOrCreate(tx: Tx, journal: ParsedJournal, warnings: string[]): Promise<StoredJournal> {
  const issns = [journal.issn, journal.eissn].filter((i): i is string => Boolean(i));
  const byIssn = issns.length
    ? await tx.journal.findFirst({ where: { OR: [{ issn: { in: issns } }, { eissn: { in: issns } }] } })
    : null;
  const byTitle = byIssn
    ? null
    : (await tx.journal.findMany({ where: { title: { equals: journal.title, mode: 'insensitive' } } })).find(
        (j) => issns.length === 0 || (!j.issn && !j.eissn),
      );
  const found = byIssn ?? byTitle;
  if (found) {
    addDisagreements(found, journal, warnings);
    return { journal: found, created: false };
  }
  const abbreviation = journal.abbreviation ?? journal.title;
  const base = slugify(abbreviation) || 'journal';
  let slug = base;
  for (let n = 2; await tx.journal.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
  if (slug !== base)
    warnings.push(`another journal already uses the short name "${base}"; this journal was created as "${slug}"`);
  const created = await tx.journal.create({
    data: {
      slug,
      title: journal.title,
      abbreviation,
      issn: journal.issn,
      eissn: journal.eissn,
      publisher: journal.publisher,
    },
  });
  return { journal: created, created: true };
}
