// MathML from a JATS file (`mml:math`, or `math` without a prefix) → HTML `<math>` that Chromium,
// Firefox and Safari render natively (MathML Core). Safe by construction: only MathML Core
// elements and their presentational attributes are written, text is escaped, and the sanitizer
// (sanitize-jats-html.ts) holds the same allowlist. Links (`href`), `maction` toggles, styles,
// event handlers and `annotation-xml` (which may carry HTML or SVG) never get through.
import { isElement, isText, type Element, type Node } from './jats-dom';

const MATH_ELEMENTS = [
  'math',
  'merror',
  'mfrac',
  'mi',
  'mmultiscripts',
  'mn',
  'mo',
  'mover',
  'mpadded',
  'mphantom',
  'mprescripts',
  'mroot',
  'mrow',
  'ms',
  'mspace',
  'msqrt',
  'mstyle',
  'msub',
  'msubsup',
  'msup',
  'mtable',
  'mtd',
  'mtext',
  'mtr',
  'munder',
  'munderover',
  'semantics',
  'annotation',
] as const;

const GLOBAL_ATTRIBUTES = ['dir', 'displaystyle', 'scriptlevel', 'mathvariant'];
/** Attributes MathML Core gives meaning to, per element (none of them a URL or a script). */
export const MATH_ATTRIBUTES: Record<string, string[]> = {
  math: [...GLOBAL_ATTRIBUTES, 'display', 'alttext'],
  mo: [
    ...GLOBAL_ATTRIBUTES,
    'form',
    'fence',
    'separator',
    'lspace',
    'rspace',
    'stretchy',
    'symmetric',
    'maxsize',
    'minsize',
    'largeop',
    'movablelimits',
  ],
  mfrac: [...GLOBAL_ATTRIBUTES, 'linethickness'],
  mspace: [...GLOBAL_ATTRIBUTES, 'width', 'height', 'depth'],
  mpadded: [...GLOBAL_ATTRIBUTES, 'width', 'height', 'depth', 'lspace', 'voffset'],
  mover: [...GLOBAL_ATTRIBUTES, 'accent'],
  munder: [...GLOBAL_ATTRIBUTES, 'accentunder'],
  munderover: [...GLOBAL_ATTRIBUTES, 'accent', 'accentunder'],
  mtd: [...GLOBAL_ATTRIBUTES, 'columnspan', 'rowspan'],
  annotation: ['encoding'],
};
for (const name of MATH_ELEMENTS) MATH_ATTRIBUTES[name] ??= GLOBAL_ATTRIBUTES;

export const MATH_TAGS: readonly string[] = MATH_ELEMENTS;
const ALLOWED = new Set<string>(MATH_ELEMENTS);
const TOKENS = new Set(['mi', 'mn', 'mo', 'mtext', 'ms', 'annotation']);
// Old MathML that Core dropped, written as what it means.
const AS_ROW = new Set(['menclose', 'none', 'mlabeledtr']);
const DROPPED = new Set(['annotation-xml', 'mglyph', 'malignmark', 'maligngroup', 'script', 'style']);

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `mml:mfrac` → `mfrac`: the namespace prefix is not part of HTML's MathML. */
function localName(el: Element): string {
  return (el.localName ?? el.nodeName).replace(/^.*:/, '').toLowerCase();
}

export function isMathElement(el: Element): boolean {
  return (
    localName(el) === 'math' &&
    (el.namespaceURI === null || /MathML/.test(el.namespaceURI ?? '') || el.prefix === 'mml')
  );
}

export type MathOptions = { display?: boolean };

/** A MathML `<math>` element as HTML; `display` makes it a block formula. */
export function mathmlToHtml(math: Element, options: MathOptions = {}): string {
  const attrs = attributesOf(math, 'math').filter(([name]) => name !== 'display');
  if (options.display) attrs.push(['display', 'block']);
  return `<math${attrs.map(([n, v]) => ` ${n}="${escape(v)}"`).join('')}>${childrenOf(math, 'math')}</math>`;
}

function attributesOf(el: Element, name: string): [string, string][] {
  const allowed = MATH_ATTRIBUTES[name] ?? [];
  const out: [string, string][] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const attr = el.attributes.item(i);
    if (!attr) continue;
    const attrName = attr.name.toLowerCase();
    if (allowed.includes(attrName)) out.push([attrName, attr.value]);
  }
  return out;
}

function childrenOf(el: Element, parent: string): string {
  let out = '';
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) out += nodeOf(n, parent);
  return out;
}

function nodeOf(node: Node, parent: string): string {
  if (isText(node)) {
    const text = (node.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ');
    if (TOKENS.has(parent)) return escape(text);
    // Text loose in a layout element is not MathML; it is kept, as text.
    return text.trim() ? `<mtext>${escape(text.trim())}</mtext>` : '';
  }
  if (!isElement(node)) return '';
  return elementOf(node);
}

function elementOf(el: Element): string {
  const name = localName(el);
  if (DROPPED.has(name)) return '';
  // An maction shows its first child; the toggling and status-line messages are not kept.
  if (name === 'maction') {
    const first = elementChildren(el)[0];
    return first ? elementOf(first) : '';
  }
  if (name === 'mfenced') return fencedOf(el);
  if (name === 'mlabeledtr') return `<mtr>${elementChildren(el).slice(1).map(elementOf).join('')}</mtr>`;
  if (AS_ROW.has(name)) return `<mrow>${childrenOf(el, 'mrow')}</mrow>`;
  // A nested math (or anything unknown) keeps its content.
  if (!ALLOWED.has(name) || name === 'math') return childrenOf(el, 'mrow');
  const attrs = attributesOf(el, name)
    .map(([n, v]) => ` ${n}="${escape(v)}"`)
    .join('');
  const inner = TOKENS.has(name) ? tokenText(el, name) : childrenOf(el, name);
  return `<${name}${attrs}>${inner}</${name}>`;
}

/** Token elements hold text (and, in old files, `mglyph`/`malignmark`, dropped). */
function tokenText(el: Element, name: string): string {
  let out = '';
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (isText(n)) out += nodeOf(n, name);
    else if (isElement(n) && !DROPPED.has(localName(n))) out += tokenText(n, name);
  }
  return out.replace(/^ | $/g, '');
}

function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

/** `mfenced` (not in MathML Core) → the row of fences and separators it stands for. */
function fencedOf(el: Element): string {
  const open = el.getAttribute('open') ?? '(';
  const close = el.getAttribute('close') ?? ')';
  const separators = (el.getAttribute('separators') ?? ',').replace(/\s+/g, '');
  const items = elementChildren(el).map(elementOf);
  const body = items
    .map((item, i) => {
      const separator = separators[Math.min(i, separators.length - 1)];
      return i < items.length - 1 && separator ? `${item}<mo separator="true">${escape(separator)}</mo>` : item;
    })
    .join('');
  const fence = (text: string) => (text ? `<mo fence="true">${escape(text)}</mo>` : '');
  return `<mrow>${fence(open)}${body}${fence(close)}</mrow>`;
}
