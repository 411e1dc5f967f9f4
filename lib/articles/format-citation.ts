// Citation pieces in AMA style, as the journal prints them under the title.

export type CitableArticle = {
  doi: string;
  fpage: string | null;
  lpage: string | null;
  elocationId: string | null;
  journal: { abbreviation: string };
  issue: { volume: string; number: string; year: number } | null;
};

/** "545", "463-469" or the electronic location id. */
export function formatPages(a: Pick<CitableArticle, 'fpage' | 'lpage' | 'elocationId'>): string | null {
  if (a.fpage) return a.lpage && a.lpage !== a.fpage ? `${a.fpage}-${a.lpage}` : a.fpage;
  return a.elocationId;
}

/** e.g. "Arch Dermatol. 2012;148(4):545. doi:10.1001/archdermatol.2011.3156" */
export function formatCitationLine(a: CitableArticle): string {
  const pages = formatPages(a);
  const parts = [`${a.journal.abbreviation}.`];
  // A journal without issue numbers prints "2012;148:545", never "148():545".
  const issue = a.issue?.number ? `(${a.issue.number})` : '';
  if (a.issue) parts.push(` ${a.issue.year};${a.issue.volume}${issue}${pages ? `:${pages}` : ''}.`);
  else if (pages) parts.push(` ${pages}.`);
  parts.push(` doi:${a.doi}`);
  return parts.join('');
}

export type AuthorName = {
  givenNames: string | null;
  surname: string | null;
  /** "Jr", "III", "Júnior" */
  suffix?: string | null;
  collab: string | null;
  degrees: string | null;
};

/** "Cindy England Owen, MD" or a group name. */
export function formatAuthorName(a: AuthorName, withDegrees = true): string {
  if (a.collab) return a.collab;
  const name = [a.givenNames, a.surname, a.suffix].filter(Boolean).join(' ');
  return withDegrees && a.degrees ? `${name}, ${a.degrees}` : name;
}

/** AMA reference-list name: "Owen CE". */
function amaName(a: AuthorName): string {
  if (a.collab) return a.collab;
  const initials = (a.givenNames ?? '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((n) => n[0]?.toUpperCase())
    .join('');
  return [a.surname, initials, a.suffix].filter(Boolean).join(' ');
}

/** AMA style (11th ed.): up to 6 authors, else the first 3 and "et al". */
export function formatAmaCitation(
  a: CitableArticle & { title: string; subtitle: string | null; authors: AuthorName[] },
): string {
  const names = a.authors.length > 6 ? [...a.authors.slice(0, 3).map(amaName), 'et al'] : a.authors.map(amaName);
  const title = a.subtitle ? `${a.title}: ${a.subtitle}` : a.title;
  const authors = names.length ? `${names.join(', ')}. ` : '';
  return `${authors}${title.replace(/[.\s]+$/, '')}. ${formatCitationLine(a)}`;
}
