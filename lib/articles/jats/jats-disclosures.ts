// Which "Article Information" heading a JATS note belongs under. Publishers mark the same thing
// many ways (fn-type, sec-type, fn-group content-type, notes-type, or only a title or wording),
// and a competing-interest or funding statement must never end up under a vague "Notes".
import { childElements, textOf, type Element } from './jats-dom';

export type DisclosureKind =
  | 'correspondence'
  | 'equal'
  | 'present-address'
  | 'author-note'
  | 'contributions'
  | 'conflict'
  | 'funding'
  | 'data'
  | 'ethics'
  | 'trial'
  | 'ack'
  | 'note';

/** Headings in the order JAMA's Article Information lists them. */
export const DISCLOSURE_LABELS: [DisclosureKind, string][] = [
  ['correspondence', 'Corresponding Author'],
  ['equal', 'Equal Contribution'],
  ['present-address', 'Present Address'],
  ['author-note', 'Author Notes'],
  ['contributions', 'Author Contributions'],
  ['conflict', 'Conflict of Interest Disclosures'],
  ['funding', 'Funding/Support'],
  ['data', 'Data Sharing Statement'],
  ['ethics', 'Ethics'],
  ['trial', 'Trial Registration'],
  ['ack', 'Additional Contributions'],
  ['note', 'Notes'],
];

// Markers seen in JATS 1.x, NLM 2.x/3.0, PLOS, eLife, BMC, Elsevier and Wiley files.
const BY_TYPE: Record<string, DisclosureKind> = {
  conflict: 'conflict',
  'coi-statement': 'conflict',
  'competing-interest': 'conflict',
  'competing-interests': 'conflict',
  'conflict-of-interest': 'conflict',
  'financial-disclosure': 'funding',
  'supported-by': 'funding',
  funding: 'funding',
  'funding-information': 'funding',
  'funding-statement': 'funding',
  financial: 'funding',
  con: 'contributions',
  'author-contribution': 'contributions',
  'author-contributions': 'contributions',
  contribution: 'contributions',
  'data-availability': 'data',
  'data-availability-statement': 'data',
  'data-sharing': 'data',
  'ethics-statement': 'ethics',
  'ethics-information': 'ethics',
  ethics: 'ethics',
  'trial-registration': 'trial',
  'clinical-trial': 'trial',
  equal: 'equal',
  'present-address': 'present-address',
  'current-aff': 'present-address',
  deceased: 'author-note',
  'on-leave': 'author-note',
  corresp: 'correspondence',
  acknowledgment: 'ack',
  acknowledgement: 'ack',
  acknowledgments: 'ack',
  acknowledgements: 'ack',
};

function markerOf(el: Element): string {
  for (const attr of ['fn-type', 'sec-type', 'notes-type', 'content-type', 'abstract-type']) {
    const value = (el.getAttribute(attr) ?? '').toLowerCase();
    if (value && value in BY_TYPE) return value;
  }
  return '';
}

/** Classifies by marker, then by title, then (for unmarked notes) by wording; null when none fits. */
export function disclosureKindOf(el: Element, parent?: Element | null): DisclosureKind | null {
  const marker = markerOf(el) || (parent ? markerOf(parent) : '');
  if (marker) return BY_TYPE[marker]!;
  const title = textOf(childElements(el, 'title')[0]) || textOf(childElements(parent, 'title')[0]);
  return kindFromWords(title) ?? null;
}

/** Kind of an unmarked note from its words ("The authors declare no competing interests."). */
export function kindFromWords(text: string): DisclosureKind | undefined {
  if (/compet\w* (financial )?interest|conflicts? of interest|declare[sd]? (that )?(they have )?no/i.test(text))
    return 'conflict';
  if (/\b(supported|funded|financed) (in part )?by\b|\bfunding\b|\bgrant(s| no| number)\b/i.test(text))
    return 'funding';
  if (/\bcontributed equally\b|\bequal(ly)? contribut/i.test(text)) return 'equal';
  if (/\bauthor(s'|s’|'s)? contributions?\b/i.test(text)) return 'contributions';
  if (/data (availability|sharing|access)/i.test(text)) return 'data';
  if (/\bethic(s|al)\b|\bIRB\b|institutional review board|informed consent/i.test(text)) return 'ethics';
  if (/\btrial registration\b|ClinicalTrials\.gov/i.test(text)) return 'trial';
  if (/acknowledg|\bwe (would like to )?thank\b|grateful/i.test(text)) return 'ack';
  return undefined;
}

/** Sections that are disclosures, wherever a file puts them: they go to Article Information. */
export function isDisclosureSection(sec: Element): boolean {
  const marker = markerOf(sec);
  if (marker) return true;
  const title = textOf(childElements(sec, 'title')[0]);
  // Only a title that is the whole heading: "Funding", "Competing interests", "Acknowledgments".
  return (
    title.length < 60 &&
    /^(funding|financial support|competing interests?|conflicts? of interest|declaration of interests?|disclosures?|author(s'|s’)? contributions?|acknowledge?ments?|data availability( statement)?|ethics( statement| approval)?)\.?$/i.test(
      title,
    )
  );
}
