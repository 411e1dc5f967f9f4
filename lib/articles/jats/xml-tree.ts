// A small, read-only XML tree for the JATS converter, built by saxes (a strict, streaming XML
// parser). It offers only the part of the DOM the converter reads (names, attributes, siblings,
// text), in fixed-shape objects: a 10 MB article is about 330,000 nodes, which took about 250 MB
// as an @xmldom/xmldom document and takes a fraction of that here (README, Performance).
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const PROCESSING_INSTRUCTION_NODE = 7;
export const COMMENT_NODE = 8;

/** The parsed file: the key of per-document state (figure renderings) and the root's owner. */
export class XmlDocument {
  documentElement: Element | null = null;
}

abstract class BaseNode {
  parentNode: Element | null = null;
  previousSibling: Node | null = null;
  nextSibling: Node | null = null;
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;

  /** Kept once, on the root: every other node finds it through its parents. */
  get ownerDocument(): XmlDocument | null {
    let root: Element | null = this.parentNode;
    while (root?.parentNode) root = root.parentNode;
    return (root ?? (this instanceof Element ? this : null))?.document ?? null;
  }
}

/** Text, CDATA, a comment or a processing instruction (nodeName is its target). */
export class CharacterNode extends BaseNode {
  constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    readonly data: string,
  ) {
    super();
  }
  get nodeValue(): string {
    return this.data;
  }
  get firstChild(): null {
    return null;
  }
}

export type Attribute = { readonly name: string; readonly value: string };

/** What `el.attributes` offers: a count and the attributes by position, in the file's order. */
class AttributeList {
  constructor(private readonly list: readonly Attribute[]) {}
  get length(): number {
    return this.list.length;
  }
  item(index: number): Attribute | null {
    return this.list[index] ?? null;
  }
}

const NO_ATTRIBUTES: readonly Attribute[] = [];

export class Element extends BaseNode {
  readonly nodeType = ELEMENT_NODE;
  firstChild: Node | null = null;
  lastChild: Node | null = null;
  /** Set on the root only (see ownerDocument). */
  document: XmlDocument | null = null;

  constructor(
    readonly nodeName: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
    private readonly attributeList: readonly Attribute[],
  ) {
    super();
  }

  get nodeValue(): null {
    return null;
  }

  /** The attribute's value by its qualified name ("xlink:href"), or null when absent. */
  getAttribute(name: string): string | null {
    for (const attribute of this.attributeList) if (attribute.name === name) return attribute.value;
    return null;
  }

  get attributes(): AttributeList {
    return new AttributeList(this.attributeList);
  }

  appendChild(child: Node): void {
    child.parentNode = this;
    child.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }
}

export type Node = Element | CharacterNode;

/** Why and where a file is not well-formed: saxes's message and the line it stopped on. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Parses `xml` (its DOCTYPE and entities already settled: jats-xml-input.ts) into a tree, keeping
 * text, CDATA, comments and processing instructions as the file has them. Throws XmlSyntaxError
 * at the first thing that is not well-formed XML 1.0 with namespaces.
 */
export function parseXmlTree(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const document = new XmlDocument();
  let current: Element | null = null;
  let root: Element | null = null;
  const add = (node: Node) => {
    // Outside the root only comments, PIs and white space are allowed; saxes refuses the rest.
    if (current) current.appendChild(node);
  };
  // A start tag left open ("<article" with no ">") is found only lines later: name its own line.
  let openTagLine: number | null = null;
  // The lines open elements started on, and the last element closed: an end tag that does not
  // match makes saxes close the open element first, and the message names that one.
  const openLines: number[] = [];
  let lastClosed: { name: string; line: number } | null = null;
  parser.on('error', (error) => {
    // saxes prefixes its own "line:column: "; the line is reported apart.
    const message = error.message.replace(/^\d+:\d+: /, '');
    if (/^unexpected close tag/.test(message) && lastClosed)
      throw new XmlSyntaxError(
        `<${lastClosed.name}> is not closed before the end tag on line ${parser.line}`,
        lastClosed.line,
      );
    throw new XmlSyntaxError(message, openTagLine ?? parser.line);
  });
  parser.on('opentagstart', () => {
    // Told once the name is read: when a line break ended it, the tag began on the line before.
    openTagLine = parser.column === 0 ? parser.line - 1 : parser.line;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    openLines.push(openTagLine ?? parser.line);
    openTagLine = null;
    const attributes = Object.values(tag.attributes);
    const element = new Element(
      tag.name,
      tag.prefix || null,
      tag.local,
      tag.uri || null,
      attributes.length === 0 ? NO_ATTRIBUTES : attributes.map(({ name, value }) => ({ name, value })),
    );
    if (current) current.appendChild(element);
    else {
      root = element;
      element.document = document;
      document.documentElement = element;
    }
    current = element;
  });
  parser.on('closetag', (tag) => {
    lastClosed = { name: tag.name, line: openLines.pop() ?? parser.line };
    current = current?.parentNode ?? null;
  });
  parser.on('text', (text) => add(new CharacterNode(TEXT_NODE, '#text', text)));
  parser.on('cdata', (text) => add(new CharacterNode(CDATA_SECTION_NODE, '#cdata-section', text)));
  parser.on('comment', (text) => add(new CharacterNode(COMMENT_NODE, '#comment', text)));
  parser.on('processinginstruction', ({ target, body }) =>
    add(new CharacterNode(PROCESSING_INSTRUCTION_NODE, target, body)),
  );
  parser.write(xml).close();
  if (!root) throw new XmlSyntaxError('the file has no root element', parser.line);
  return root;
}
