// Authors in every form publishers write them: <name>, <string-name>, <name-alternatives>, <collab>,
// <anonymous/>, with prefix/suffix, ORCID iDs and affiliations (with ROR/ISNI/Ringgold ids kept apart).
import {
  childElements,
  collapse,
  descendants,
  isElement,
  isText,
  optionalText,
  textOf,
  type Element,
} from './jats-dom';

export type ParsedAffiliation = { text: string; ror: string | null; isni: string | null; ringgold: string | null };

export type ParsedAuthor = {
  givenNames: string | null;
  surname: string | null;
  prefix: string | null;
  suffix: string | null;
  /** a group author such as "The PRISMA Group" */
  collab: string | null;
  degrees: string | null;
  /** https://orcid.org/XXXX-XXXX-XXXX-XXXX */
  orcid: string | null;
  affiliations: ParsedAffiliation[];
};

const AUTHOR_TYPES = new Set(['author', '']);

/** Authors in order; a contributor without any name is left out with a warning. */
export function readAuthors(articleMeta: Element, warnings: string[]): ParsedAuthor[] {
  const affsById = new Map<string, Element>();
  for (const aff of descendants(articleMeta, 'aff')) {
    const id = aff.getAttribute('id');
    if (id) affsById.set(id, aff);
  }
  // <aff-alternatives id="…"> holds one aff per language: the first stands for all.
  for (const alt of descendants(articleMeta, 'aff-alternatives')) {
    const first = childElements(alt, 'aff')[0];
    const id = alt.getAttribute('id');
    if (id && first) affsById.set(id, first);
  }
  const affsOf = (contrib: Element) => {
    const linked = childElements(contrib, 'xref')
      .filter((x) => x.getAttribute('ref-type') === 'aff')
      .flatMap((x) => (x.getAttribute('rid') ?? '').split(/\s+/))
      .map((rid) => affsById.get(rid))
      .filter((aff): aff is Element => Boolean(aff));
    return [...childElements(contrib, 'aff'), ...linked];
  };
  const groups = childElements(articleMeta, 'contrib-group');
  const referenced = new Set(groups.flatMap((g) => childElements(g, 'contrib')).flatMap(affsOf));

  const authors: ParsedAuthor[] = [];
  for (const group of groups) {
    // An aff beside the contribs that nobody points at belongs to every contributor of the group.
    const groupAffs = childElements(group, 'aff').filter((aff) => !referenced.has(aff));
    const contribs = childElements(group, 'contrib').filter((c) =>
      AUTHOR_TYPES.has((c.getAttribute('contrib-type') ?? '').toLowerCase()),
    );
    for (const contrib of contribs) {
      const position = authors.length + 1;
      const name = readName(contrib);
      if (!name) {
        warnings.push(`author ${position} has no name (no <name>, <string-name> or <collab>) and was left out`);
        continue;
      }
      const own = affsOf(contrib);
      const affiliations = uniqueAffiliations((own.length ? own : groupAffs).map(readAffiliation));
      authors.push({
        ...name,
        degrees: optionalText(childElements(contrib, 'degrees')[0]),
        orcid: readOrcid(contrib, position, warnings),
        affiliations,
      });
    }
  }
  return authors;
}

type Name = Pick<ParsedAuthor, 'givenNames' | 'surname' | 'prefix' | 'suffix' | 'collab'>;

function readName(contrib: Element): Name | null {
  const none: Name = { givenNames: null, surname: null, prefix: null, suffix: null, collab: null };
  const alternatives = childElements(contrib, 'name-alternatives')[0];
  const name = alternatives ? pickLatinName(alternatives) : childElements(contrib, 'name', 'string-name')[0];
  if (name) {
    const part = (tag: string) => optionalText(childElements(name, tag)[0]);
    const parsed: Name = { ...none, givenNames: part('given-names'), surname: part('surname') };
    parsed.prefix = part('prefix');
    parsed.suffix = part('suffix');
    // A <string-name> may be bare text: "Jane Q. Public".
    if (!parsed.givenNames && !parsed.surname) parsed.surname = optionalText(name, ['degrees', 'xref']);
    if (parsed.givenNames || parsed.surname) return parsed;
  }
  const collabHolder = childElements(contrib, 'collab-alternatives')[0] ?? contrib;
  const collab = optionalText(childElements(collabHolder, 'collab')[0], ['xref', 'contrib-group', 'fn']);
  if (collab) return { ...none, collab };
  if (childElements(contrib, 'anonymous').length) return { ...none, collab: 'Anonymous' };
  return null;
}

/** The western-style (Latin script) name among the alternatives, else the first. */
function pickLatinName(alternatives: Element): Element | undefined {
  const names = childElements(alternatives, 'name', 'string-name');
  const isLatin = (n: Element) => /^[\p{Script=Latin}\p{P}\p{Zs}\d]+$/u.test(textOf(n));
  return (
    names.find((n) => n.getAttribute('name-style') === 'western') ??
    names.find((n) => (n.getAttribute('xml:lang') ?? '').startsWith('en')) ??
    names.find(isLatin) ??
    names[0]
  );
}

/** ORCID iD from <contrib-id contrib-id-type="orcid"> (or a link to orcid.org), checksum verified. */
function readOrcid(contrib: Element, position: number, warnings: string[]): string | null {
  const candidates = [
    ...childElements(contrib, 'contrib-id').filter(
      (id) => (id.getAttribute('contrib-id-type') ?? '').toLowerCase() === 'orcid' || /orcid\.org/i.test(textOf(id)),
    ),
    ...childElements(contrib, 'ext-link', 'uri').filter((l) =>
      /orcid\.org/i.test(`${l.getAttribute('xlink:href') ?? ''} ${textOf(l)}`),
    ),
  ];
  for (const el of candidates) {
    const raw = `${textOf(el)} ${el.getAttribute('xlink:href') ?? ''}`;
    const m = /(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])/.exec(raw);
    const id = m ? `${m[1]}-${m[2]}-${m[3]}-${m[4]?.toUpperCase()}` : null;
    if (id && hasValidOrcidChecksum(id)) return `https://orcid.org/${id}`;
    warnings.push(`author ${position}: "${collapse(raw)}" is not a valid ORCID iD and was left out`);
  }
  return null;
}

/** ISO 7064 MOD 11-2, as ORCID specifies. */
export function hasValidOrcidChecksum(id: string): boolean {
  const digits = id.replace(/-/g, '');
  let total = 0;
  for (const d of digits.slice(0, 15)) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits[15] === (check === 10 ? 'X' : String(check));
}

const NOT_AFFILIATION_TEXT = ['label', 'email', 'sup', 'institution-id', 'xref', 'fn', 'uri'];

function readAffiliation(aff: Element): ParsedAffiliation {
  const ids = descendants(aff, 'institution-id').map((id) => ({
    type: (id.getAttribute('institution-id-type') ?? '').toLowerCase(),
    value: textOf(id),
  }));
  const idOf = (type: string) => ids.find((id) => id.type === type)?.value || null;
  const ror = idOf('ror')?.replace(/^(?:https?:\/\/)?(?:www\.)?ror\.org\//i, '');
  const isni = idOf('isni')
    ?.replace(/[^\dX]/gi, '')
    .toUpperCase();
  return {
    text: affiliationText(aff),
    ror: ror ? `https://ror.org/${ror}` : null,
    isni: isni || null,
    ringgold: idOf('ringgold')?.replace(/\D/g, '') || null,
  };
}

/**
 * SciELO gives the affiliation as printed in <institution content-type="original"> beside its parts;
 * other publishers put punctuation between the parts, or none (then the parts are joined with commas).
 */
function affiliationText(aff: Element): string {
  const original = descendants(aff, 'institution').find((i) => i.getAttribute('content-type') === 'original');
  const tidy = (text: string) => collapse(text).replace(/^[,;\s]+|[,;\s]+$/g, '');
  if (original) return tidy(textOf(original));
  const hasOwnPunctuation = [...directChildren(aff)].some(
    (n) => (isText(n) && /\S/.test(n.nodeValue ?? '')) || (isElement(n) && n.nodeName === 'x'),
  );
  if (hasOwnPunctuation) return tidy(textOf(aff, NOT_AFFILIATION_TEXT));
  const parts = (el: Element): string[] =>
    childElements(el)
      .filter((c) => !NOT_AFFILIATION_TEXT.includes(c.nodeName))
      .flatMap((c) => (c.nodeName === 'institution-wrap' ? parts(c) : [textOf(c, NOT_AFFILIATION_TEXT)]))
      .filter(Boolean);
  return tidy(parts(aff).join(', '));
}

function* directChildren(el: Element) {
  for (let n = el.firstChild; n; n = n.nextSibling) yield n;
}

function uniqueAffiliations(affiliations: ParsedAffiliation[]): ParsedAffiliation[] {
  const seen = new Set<string>();
  return affiliations.filter((a) => {
    const key = `${a.text}|${a.ror ?? ''}`;
    if (!a.text || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
