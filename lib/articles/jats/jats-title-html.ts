// Inline formatting of a title (italic species names, sub/superscripts, small caps) as HTML.
// Safe by construction: text is escaped and only the tags below, without attributes, are written,
// plus formulas as MathML through the same allowlist as the body (mathml-to-html.ts).
import { childElements, isElement, isText, textOf, type Element, type Node } from './jats-dom';
import { isMathElement, mathmlToHtml } from './mathml-to-html';
import { texToMathml } from './tex-to-mathml';

const TAGS: Record<string, string> = {
  italic: 'i',
  bold: 'b',
  sub: 'sub',
  sup: 'sup',
  underline: 'u',
  monospace: 'code',
};
/** Footnote markers and links to notes are not part of the title. */
const DROPPED = new Set(['xref', 'fn', 'target']);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Title element → HTML with <i>, <b>, <sub>, <sup>, <u>, <code> and small caps; whitespace collapsed. */
export function titleToHtml(el: Element | null): string {
  if (!el) return '';
  return inline(el)
    .replace(/\s+/g, ' ')
    .replace(/^ | $/g, '')
    .replace(/<(\w+)> /g, ' <$1>');
}

function inline(node: Node): string {
  if (isText(node)) return escapeHtml(node.nodeValue ?? '');
  if (!isElement(node) || DROPPED.has(node.nodeName)) return '';
  if (isMathElement(node)) return mathmlToHtml(node);
  if (node.nodeName === 'tex-math') return texToMathml(textOf(node)) ?? escapeHtml(textOf(node));
  // A formula's alternatives: the MathML, else the TeX made MathML (an image cannot go in a title).
  if (node.nodeName === 'alternatives') {
    const math = childElements(node).find(isMathElement);
    const tex = childElements(node, 'tex-math')[0];
    return math ? mathmlToHtml(math) : tex ? inline(tex) : '';
  }
  let inner = '';
  for (let n = node.firstChild; n; n = n.nextSibling) inner += inline(n);
  if (node.nodeName === 'break') return ' ';
  if (node.nodeName === 'sc') return `<span class="small-caps">${inner}</span>`;
  const tag = TAGS[node.nodeName];
  return tag && inner ? `<${tag}>${inner}</${tag}>` : inner;
}
