// Small tree helpers for the JATS converter, over xml-tree.ts (saxes). Nothing is ever loaded
// from outside the file: sample DOCTYPEs name remote http(s) DTDs, which are removed unread.
import { JatsImportError } from './jats-import-error';
import { decodeXml, expandEntities, type XmlInput } from './jats-xml-input';
import {
  CDATA_SECTION_NODE,
  ELEMENT_NODE,
  parseXmlTree,
  TEXT_NODE,
  XmlSyntaxError,
  type Element,
  type Node,
} from './xml-tree';

export type { Element, Node };

/**
 * Decodes and parses a file and returns the root element. A file that is not well-formed, cannot be
 * decoded or declares external or runaway entities becomes a JatsImportError naming the file.
 */
export function parseXmlRoot(input: XmlInput, fileName: string): Element {
  const xml = expandEntities(decodeXml(input, fileName), fileName);
  try {
    return parseXmlTree(xml);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new JatsImportError(`${fileName}: not well-formed XML at line ${error.line}: ${error.message}`);
  }
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

/** Direct element children, optionally only those with one of `names`. */
export function childElements(el: Element | null | undefined, ...names: string[]): Element[] {
  if (!el) return [];
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && (names.length === 0 || names.includes(n.nodeName))) out.push(n);
  }
  return out;
}

/** Follows a path of child element names; the first match at each step. */
export function childAt(el: Element | null | undefined, ...path: string[]): Element | null {
  let current: Element | null | undefined = el;
  for (const name of path) {
    let next: Element | null = null;
    for (let n = current?.firstChild; n && !next; n = n.nextSibling) if (isElement(n) && n.nodeName === name) next = n;
    current = next;
  }
  return current ?? null;
}

/** Descendant elements named `name`, in document order, not descending into `skip` elements. */
export function descendants(el: Element | null | undefined, name: string, skip: string[] = []): Element[] {
  const out: Element[] = [];
  // Walked in place (no array of children per element): the import asks this of whole articles often.
  const walk = (node: Element) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!isElement(child) || skip.includes(child.nodeName)) continue;
      if (child.nodeName === name) out.push(child);
      walk(child);
    }
  };
  if (el) walk(el);
  return out;
}

/** Text of an element (comments and processing instructions left out), whitespace collapsed. */
export function textOf(el: Element | null | undefined, skip: string[] = []): string {
  if (!el) return '';
  return collapse(rawText(el, skip));
}

function rawText(node: Node, skip: string[]): string {
  if (isText(node)) return node.nodeValue ?? '';
  if (!isElement(node) || skip.includes(node.nodeName)) return '';
  let out = '';
  for (let n = node.firstChild; n; n = n.nextSibling) out += rawText(n, skip);
  return out;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Trimmed text or null when empty/absent. */
export function optionalText(el: Element | null | undefined, skip: string[] = []): string | null {
  const text = textOf(el, skip);
  return text === '' ? null : text;
}
