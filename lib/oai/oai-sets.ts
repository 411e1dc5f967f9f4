// The repository's sets: the journal, each issue (within its journal) and each section.
//   journal                      every record
//   journal:<slug>               one journal
//   journal:<slug>:issue:<v>_<n> one issue (volume v, number n)
//   section                      every record
//   section:<label>              one section (the article's section heading, else its JATS type)
// Values are written in the setSpec alphabet: letters and digits stay, anything else becomes
// ~ and two hex digits per UTF-8 byte (so "_" and ":" never occur inside a value).

export type SetFilter =
  | { kind: 'all' }
  | { kind: 'journal'; slug: string }
  | { kind: 'issue'; slug: string; volume: string; number: string }
  | { kind: 'section'; key: string };

export function encodeSetValue(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9]/.test(char) ? char : `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

export function decodeSetValue(value: string): string | null {
  if (!/^(?:[A-Za-z0-9]|~[0-9A-F]{2})+$/.test(value)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '~') {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i));
  }
  const text = Buffer.from(bytes).toString('utf8');
  // A value that does not round-trip (stray bytes) is not one of ours.
  return encodeSetValue(text) === value ? text : null;
}

export const journalSetSpec = (slug: string) => `journal:${encodeSetValue(slug)}`;
export const issueSetSpec = (slug: string, volume: string, number: string) =>
  `${journalSetSpec(slug)}:issue:${encodeSetValue(volume)}_${encodeSetValue(number)}`;
export const sectionKey = (article: { sectionLabel: string | null; articleType: string }) =>
  article.sectionLabel?.trim() || article.articleType;
export const sectionSetSpec = (key: string) => `section:${encodeSetValue(key)}`;

/** The filter a setSpec names, or null when it names no set of this repository. */
export function parseSetSpec(spec: string): SetFilter | null {
  if (spec === 'journal' || spec === 'section') return { kind: 'all' };
  const parts = spec.split(':');
  if (parts[0] === 'section' && parts.length === 2) {
    const key = decodeSetValue(parts[1]!);
    return key ? { kind: 'section', key } : null;
  }
  if (parts[0] !== 'journal') return null;
  const slug = parts[1] === undefined ? null : decodeSetValue(parts[1]);
  if (!slug) return null;
  if (parts.length === 2) return { kind: 'journal', slug };
  if (parts.length !== 4 || parts[2] !== 'issue') return null;
  const [volume, number, extra] = parts[3]!.split('_');
  if (extra !== undefined || !volume || !number) return null;
  const v = decodeSetValue(volume);
  const n = decodeSetValue(number);
  return v && n ? { kind: 'issue', slug, volume: v, number: n } : null;
}
