// Turns a JATS file's bytes into text the XML parser may safely see: decoded per its BOM or
// XML declaration, with its DOCTYPE's internal entities expanded (bounded) and never anything
// fetched. xmldom knows only the five predefined entities, so everything else is settled here.
import { HTML_ENTITIES } from '@xmldom/xmldom/lib/entities';
import { JatsImportError } from './jats-import-error';

export type XmlInput = string | Uint8Array;

/** One entity may expand to at most this many characters; billion-laughs files stop here. */
export const MAX_ENTITY_CHARS = 100_000;
/** All entity references together may add at most this many characters to a file. */
export const MAX_EXPANSION_CHARS = 2_000_000;

const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Bytes → text: a BOM decides, else the declaration's `encoding`, else UTF-8. Bytes that do not decode are refused. */
export function decodeXml(input: XmlInput, fileName: string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const bytes = input;
  const fromBom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : null;
  const sniffed =
    bytes[0] === 0x3c && bytes[1] === 0x00 ? 'utf-16le' : bytes[0] === 0x00 && bytes[1] === 0x3c ? 'utf-16be' : null;
  const head = Buffer.from(bytes.subarray(0, 300)).toString('latin1');
  const declared = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1] ?? null;
  const label = fromBom ?? sniffed ?? declared ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  } catch {
    throw new JatsImportError(
      `${fileName}: declares the character encoding "${label}", which is not supported; save it as UTF-8`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const where = decoder.encoding === 'utf-8' ? ` (first bad byte at offset ${firstBadUtf8Byte(bytes)})` : '';
    const why = declared ? `its declaration says ${declared}` : 'no encoding is declared, so it must be UTF-8';
    throw new JatsImportError(
      `${fileName}: is not valid ${decoder.encoding.toUpperCase()}${where}, but ${why}; fix the encoding declaration or save the file as UTF-8`,
    );
  }
}

function firstBadUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra;
  }
  return bytes.length;
}

type Doctype = { start: number; end: number; hasExternalDtd: boolean; subset: string };

/**
 * Removes the DOCTYPE (keeping line numbers) and expands every entity reference outside comments,
 * CDATA and processing instructions: internal-subset entities, and, when the file names an external
 * DTD (which is never loaded), the standard JATS/MathML character entities (&Acirc;, &alpha; …).
 * Refuses external entities, self-referring entities and expansions past the limits.
 */
export function expandEntities(xml: string, fileName: string): string {
  const doctype = findDoctype(xml, fileName);
  const declared = doctype ? readEntityDeclarations(doctype.subset, fileName) : new Map<string, string>();
  const body = doctype
    ? xml.slice(0, doctype.start) + xml.slice(doctype.start, doctype.end).replace(/[^\n]/g, '') + xml.slice(doctype.end)
    : xml;
  const expanded = new Map<string, string>();
  let added = 0;

  const resolve = (name: string, offset: number, chain: string[]): string => {
    if (PREDEFINED.has(name)) return `&${name};`;
    const value = declared.get(name);
    if (value === undefined) {
      const character = doctype?.hasExternalDtd ? HTML_ENTITIES[name] : undefined;
      if (character !== undefined) return [...character].map((c) => `&#x${c.codePointAt(0)?.toString(16)};`).join('');
      throw new JatsImportError(
        `${fileName}: line ${lineAt(xml, offset)} uses the entity &${name};, which the file does not define ` +
          `(external DTDs are never loaded); write the character itself or a numeric reference such as &#xE9;`,
      );
    }
    const known = expanded.get(name);
    if (known !== undefined) return known;
    if (chain.includes(name))
      throw new JatsImportError(`${fileName}: the entity &${name}; refers to itself (${[...chain, name].join(' → ')})`);
    const text = value.replace(/&([A-Za-z_:][\w.:-]*);/g, (_m, inner: string) =>
      resolve(inner, offset, [...chain, name]),
    );
    if (text.length > MAX_ENTITY_CHARS)
      throw new JatsImportError(
        `${fileName}: the entity &${name}; expands to more than ${MAX_ENTITY_CHARS.toLocaleString('en-US')} characters ` +
          `(an entity expansion bomb?); the file is refused`,
      );
    expanded.set(name, text);
    return text;
  };

  return body.replace(
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|&([A-Za-z_:][\w.:-]*);/g,
    (match, name: string | undefined, offset: number) => {
      if (name === undefined) return match;
      const text = resolve(name, offset, []);
      added += text.length;
      if (added > MAX_EXPANSION_CHARS)
        throw new JatsImportError(
          `${fileName}: entity references expand to more than ${MAX_EXPANSION_CHARS.toLocaleString('en-US')} characters; the file is refused`,
        );
      return text;
    },
  );
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The DOCTYPE in the prolog (after the declaration, comments and PIs), or null. */
function findDoctype(xml: string, fileName: string): Doctype | null {
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(xml);
  const start = prolog ? prolog[0].length : 0;
  if (!xml.startsWith('<!DOCTYPE', start)) return null;
  let i = start + '<!DOCTYPE'.length;
  let subsetStart = -1;
  let subsetEnd = -1;
  let quote: string | null = null;
  for (; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (subsetStart >= 0 && subsetEnd < 0) {
      if (xml.startsWith('<!--', i)) i = skipTo(xml, i, '-->', fileName);
      else if (xml.startsWith('<?', i)) i = skipTo(xml, i, '?>', fileName);
      else if (c === '"' || c === "'") quote = c;
      else if (c === ']') subsetEnd = i;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') subsetStart = i + 1;
    else if (c === '>') break;
  }
  if (i >= xml.length) throw new JatsImportError(`${fileName}: is not well-formed XML: the <!DOCTYPE> is never closed`);
  const head = xml.slice(start, subsetStart >= 0 ? subsetStart : i);
  return {
    start,
    end: i + 1,
    hasExternalDtd: /\s(?:PUBLIC|SYSTEM)\s/.test(head),
    subset: subsetStart >= 0 ? xml.slice(subsetStart, subsetEnd) : '',
  };
}

function skipTo(text: string, from: number, end: string, fileName: string): number {
  const at = text.indexOf(end, from);
  if (at < 0)
    throw new JatsImportError(`${fileName}: is not well-formed XML: an unclosed comment or PI in the DOCTYPE`);
  return at + end.length - 1;
}

/** General internal entities of the internal subset; external ones are refused, nothing is ever fetched. */
function readEntityDeclarations(subset: string, fileName: string): Map<string, string> {
  const entities = new Map<string, string>();
  const clean = subset.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, ' ');
  const declaration = /<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b([^>]*))\s*>/g;
  for (const m of clean.matchAll(declaration)) {
    const [, isParameter, name = '', dq, sq, externalKind, externalId] = m;
    if (externalKind) {
      throw new JatsImportError(
        `${fileName}: declares the external entity ${isParameter ? '%' : '&'}${name}; (${externalKind}${(externalId ?? '').trimEnd()}); ` +
          `external entities are never loaded, so the file is refused`,
      );
    }
    // Parameter entities only shape DTD declarations, which are not used; the first declaration wins.
    if (!isParameter && !entities.has(name)) entities.set(name, dq ?? sq ?? '');
  }
  const leftover = clean
    .replace(declaration, '')
    .replace(/<!(?:ELEMENT|ATTLIST|NOTATION)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, '');
  if (/<!ENTITY/.test(leftover))
    throw new JatsImportError(
      `${fileName}: is not well-formed XML: an <!ENTITY> declaration in the DOCTYPE cannot be read`,
    );
  return entities;
}
