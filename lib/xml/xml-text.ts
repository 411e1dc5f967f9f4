// Text and attribute values for XML we write by hand (OAI-PMH, Crossref deposits): escaped, and
// without the characters XML 1.0 forbids (a stray control character from a publisher's file
// would make the whole document unreadable to a harvester).
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `<name attrs>text</name>`, or '' when the text is empty (optional elements are left out). */
export function xmlElement(name: string, text: string | null | undefined, attributes: Record<string, string> = {}) {
  const value = (text ?? '').trim();
  if (!value) return '';
  return `<${name}${xmlAttributes(attributes)}>${xmlText(value)}</${name}>`;
}

export function xmlAttributes(attributes: Record<string, string | null | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlText(value)}"`)
    .join('');
}
