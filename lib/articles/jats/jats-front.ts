// Reads the article's front matter pieces that have several historical layouts:
// journal metadata (JATS vs NLM 2.3) and publication dates. Authors: jats-authors.ts.
import { childAt, childElements, descendants, optionalText, textOf, type Element } from './jats-dom';
import { MONTH_NAMES } from '@/lib/format-date';

export type ParsedJournal = {
  title: string;
  abbreviation: string | null;
  issn: string | null;
  eissn: string | null;
  publisher: string | null;
};

export type ParsedIssue = { volume: string; number: string; year: number; month: number | null; dateLabel: string };

/** `title` must already be checked present by the caller. */
export function readJournal(journalMeta: Element, title: string): ParsedJournal {
  const ids = childElements(journalMeta, 'journal-id');
  const nlmTa = ids.find((id) => id.getAttribute('journal-id-type') === 'nlm-ta');
  const abbrev = descendants(journalMeta, 'abbrev-journal-title')[0];
  const issns = childElements(journalMeta, 'issn');
  const issnOf = (...formats: string[]) =>
    issns.find((i) => formats.includes(i.getAttribute('pub-type') ?? i.getAttribute('publication-format') ?? ''));
  const print = issnOf('ppub', 'print');
  const electronic = issnOf('epub', 'electronic');
  return {
    title,
    abbreviation: optionalText(nlmTa) ?? optionalText(abbrev),
    issn: normalizeIssn(optionalText(print) ?? (electronic ? null : optionalText(issns[0]))),
    eissn: normalizeIssn(optionalText(electronic)),
    publisher: optionalText(childAt(journalMeta, 'publisher', 'publisher-name')),
  };
}

/** "0003987x" → "0003-987X"; anything that is not an ISSN stays as written. */
export function normalizeIssn(issn: string | null): string | null {
  const compact = issn?.replace(/[\s-]/g, '').toUpperCase();
  if (!compact) return null;
  return /^\d{7}[\dX]$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4)}` : (issn ?? null);
}

type PubDate = { year: number; month: number | null; day: number | null; season: string | null; kind: string };

function readPubDates(articleMeta: Element): PubDate[] {
  return childElements(articleMeta, 'pub-date').flatMap((d) => {
    const year = Number.parseInt(textOf(childElements(d, 'year')[0]), 10);
    if (!Number.isFinite(year)) return [];
    const month = Number.parseInt(textOf(childElements(d, 'month')[0]), 10);
    const day = Number.parseInt(textOf(childElements(d, 'day')[0]), 10);
    const pubType = d.getAttribute('pub-type') ?? d.getAttribute('date-type') ?? '';
    const format = d.getAttribute('publication-format') ?? '';
    // JATS 1.1 writes pub-type="epub" as publication-format="electronic" date-type="pub".
    const kind = pubType === 'pub' ? (format === 'electronic' ? 'epub' : format === 'print' ? 'ppub' : 'pub') : pubType;
    return [
      {
        year,
        month: month >= 1 && month <= 12 ? month : null,
        day: day >= 1 && day <= 31 ? day : null,
        season: optionalText(childElements(d, 'season')[0]),
        kind,
      },
    ];
  });
}

function pick(dates: PubDate[], order: string[]): PubDate | null {
  for (const kind of order) {
    const found = dates.find((d) => d.kind === kind);
    if (found) return found;
  }
  return dates[0] ?? null;
}

/** Online publication date (UTC midnight), only when a full day is known. */
export function readPublishedOnline(articleMeta: Element): Date | null {
  const dates = readPubDates(articleMeta).filter((d) => d.month && d.day);
  const date = pick(dates, ['epub', 'ppub', 'pub', 'epub-ppub', 'collection']);
  if (!date?.month || !date.day) return null;
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

/** The issue an article belongs to: null without a volume or a year. */
export function readIssue(articleMeta: Element): ParsedIssue | null {
  const volume = textOf(childElements(articleMeta, 'volume')[0]);
  const dates = readPubDates(articleMeta);
  // The issue is dated by its print/collection date (which carries seasons like "Jul-Sep");
  // the online date is the article's own.
  const date = dates.find((d) => d.season) ?? pick(dates, ['collection', 'ppub', 'epub-ppub', 'epub', 'pub']);
  if (!volume || !date) return null;
  // A numbered issue dated by year only takes its month from the online date of the same year.
  const number = textOf(childElements(articleMeta, 'issue')[0]);
  const sameYear = dates.find((d) => d.year === date.year && d.month);
  const month = date.month ?? (number && sameYear ? sameYear.month : null);
  const when = date.season ?? (month ? MONTH_NAMES[month - 1] : null);
  return {
    volume,
    number,
    year: date.year,
    month,
    dateLabel: when ? `${when} ${date.year}` : String(date.year),
  };
}
