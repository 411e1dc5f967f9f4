// Converts JATS body/abstract markup to HTML. The output is sanitized afterwards
// (sanitize-jats-html.ts); escaping here keeps text that looks like markup as text.
import { childElements, isElement, isText, textOf, type Element, type Node } from './jats-dom';
import {
  figureToHtml,
  graphicToHtml,
  inlineGraphicToHtml,
  mediaToHtml,
  supplementaryToHtml,
  tableWrapFigureToHtml,
} from './jats-figures';
import { dispFormulaToHtml, formulaAlternativeToHtml, inlineFormulaToHtml, texMathToHtml } from './jats-formulas';
import { listToHtml, tableChildrenToHtml } from './jats-html-blocks';
import { isMathElement, mathmlToHtml } from './mathml-to-html';
import { TEXT_WRAPPERS } from './jats-text-wrappers';

export type HtmlContext = {
  /** Section depth: 1 renders sec titles as h2, 2 as h3, deeper as h4. */
  depth: number;
  /** Elements already shown elsewhere (the preview paragraphs, disclosures), left out here. */
  skip: Set<Element>;
  /** Names of elements rendered only as their text, with how often: reported as import warnings. */
  unhandled?: Map<string, number>;
};

const INLINE: Record<string, string> = {
  italic: 'em',
  bold: 'strong',
  sup: 'sup',
  sub: 'sub',
  underline: 'u',
  monospace: 'code',
};
const BLOCKS = new Set([
  'disp-quote',
  'fig',
  'table-wrap',
  'list',
  'boxed-text',
  'def-list',
  'disp-formula',
  'disp-formula-group',
  'table',
  'media',
  'supplementary-material',
]);
// Elements with nothing readable to show (alt text is used by the image it describes, machine ids).
const DROPPED = new Set(['alt-text', 'object-id', 'long-desc']);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function idAttr(el: Element): string {
  const id = el.getAttribute('id');
  return id ? ` id="${escapeHtml(id)}"` : '';
}

/** HTML of an element's children. */
export function childrenToHtml(el: Element, ctx: HtmlContext): string {
  let out = '';
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) out += nodeToHtml(n, ctx);
  return out;
}

export function nodeToHtml(node: Node, ctx: HtmlContext): string {
  if (isText(node)) return escapeHtml((node.nodeValue ?? '').replace(/\s+/g, ' '));
  // Comments and processing instructions fall through here and are ignored.
  if (!isElement(node) || ctx.skip.has(node)) return '';
  return elementToHtml(node, ctx);
}

function elementToHtml(el: Element, ctx: HtmlContext): string {
  const name = el.nodeName;
  const inner = () => childrenToHtml(el, ctx);
  if (DROPPED.has(name)) return '';
  if (name in INLINE) return `<${INLINE[name]}>${inner()}</${INLINE[name]}>`;
  if (isMathElement(el)) return mathmlToHtml(el);
  switch (name) {
    case 'disp-formula':
      return dispFormulaToHtml(el, ctx);
    case 'disp-formula-group':
      return `<div class="disp-formula-group"${idAttr(el)}>${inner()}</div>`;
    case 'inline-formula':
      return inlineFormulaToHtml(el, ctx);
    case 'tex-math':
      return texMathToHtml(el, ctx);
    case 'sec':
      return sectionToHtml(el, ctx);
    case 'p':
      return paragraphToHtml(el, ctx);
    case 'sc':
      return `<span class="small-caps">${inner()}</span>`;
    case 'break':
      return '<br>';
    case 'hr':
      return '<hr>';
    case 'xref':
      return xrefToHtml(el, ctx);
    case 'ext-link':
    case 'uri':
    case 'self-uri':
      return linkToHtml(el, ctx);
    case 'email':
      return emailToHtml(el);
    case 'app-group':
      // Without a title of its own the group is only a wrapper: its appendices are the sections.
      return childElements(el, 'title').some((t) => textOf(t)) ? sectionToHtml(el, ctx) : inner();
    case 'app':
    case 'ack':
    case 'glossary':
    case 'notes':
    case 'bio':
      return sectionToHtml(el, ctx);
    case 'supplementary-material':
      return supplementaryToHtml(el, ctx);
    case 'media':
      return mediaToHtml(el, ctx);
    case 'graphic':
      return graphicToHtml(el);
    case 'inline-graphic':
      return inlineGraphicToHtml(el);
    case 'alternatives':
      return alternativesToHtml(el, ctx);
    case 'fig':
      return figureToHtml(el, ctx);
    case 'table-wrap':
      return tableWrapFigureToHtml(el, ctx);
    case 'table':
      return `<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table>${tableChildrenToHtml(el, ctx)}</table></div>`;
    case 'list':
      return listToHtml(el, ctx);
    case 'list-item':
      return `<li>${inner()}</li>`;
    case 'def-list':
      return `<dl${idAttr(el)}>${childElements(el, 'def-item')
        .map((item) => childrenToHtml(item, ctx))
        .join('')}</dl>`;
    case 'term':
      return `<dt>${inner()}</dt>`;
    case 'def':
      return `<dd>${inner()}</dd>`;
    case 'disp-quote':
      return `<blockquote${idAttr(el)}>${inner()}</blockquote>`;
    case 'attrib':
      return `<p class="attrib">${inner()}</p>`;
    case 'boxed-text':
      return `<aside class="box"${idAttr(el)}>${boxToHtml(el, ctx)}</aside>`;
    case 'title':
      return textOf(el) ? `<p><strong>${inner()}</strong></p>` : '';
    case 'label':
      return `<span class="label">${inner()}</span> `;
    case 'fn':
      return `<div class="footnote"${idAttr(el)}>${inner()}</div>`;
    default:
      // Unknown elements keep their text (and any markup we do know inside them), and are reported.
      if (!TEXT_WRAPPERS.has(name) && ctx.unhandled) ctx.unhandled.set(name, (ctx.unhandled.get(name) ?? 0) + 1);
      return inner();
  }
}

/** Import warnings for elements shown only as text: `<mml:math> shown as plain text (2 times)`. */
export function unhandledWarnings(unhandled: Map<string, number>): string[] {
  return [...unhandled].map(
    ([name, count]) =>
      `<${name}> is not rendered as such: its text is kept as plain text${count > 1 ? ` (${count} times)` : ''}`,
  );
}

function emailToHtml(el: Element): string {
  const address = textOf(el);
  // Only a plain address becomes a link; anything else stays text.
  if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(address)) return escapeHtml(address);
  return `<a href="mailto:${escapeHtml(address)}">${escapeHtml(address)}</a>`;
}

/** One version of an object is enough: a real table or formula over its image stand-in. */
function alternativesToHtml(el: Element, ctx: HtmlContext): string {
  const options = childElements(el);
  if (options.some((o) => isMathElement(o) || o.nodeName === 'tex-math')) return formulaAlternativeToHtml(el, ctx);
  const preferred = ['table', 'disp-formula', 'inline-formula', 'media', 'graphic'];
  const chosen = preferred.map((name) => options.find((o) => o.nodeName === name)).find(Boolean) ?? options[0];
  return chosen ? nodeToHtml(chosen, ctx) : '';
}

function headingTag(depth: number): string {
  return depth <= 1 ? 'h2' : depth === 2 ? 'h3' : 'h4';
}

function sectionToHtml(el: Element, ctx: HtmlContext): string {
  const title = childElements(el, 'title')[0];
  const nested = { ...ctx, depth: ctx.depth + 1 };
  let content = '';
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && (n.nodeName === 'title' || n.nodeName === 'label')) continue;
    content += nodeToHtml(n, nested);
  }
  // A section whose paragraphs all moved to the preview would be a lone heading.
  if (ctx.skip.size > 0 && content.trim() === '') return '';
  const tag = headingTag(ctx.depth);
  const label = childElements(el, 'label')[0];
  const heading = title && textOf(title) ? `${label ? `${textOf(label)} ` : ''}${childrenToHtml(title, ctx)}` : '';
  return `<section${idAttr(el)}>${heading ? `<${tag}>${heading}</${tag}>` : ''}${content}</section>`;
}

/** JATS allows block elements inside <p>; HTML does not, so they are lifted out between paragraph runs. */
function paragraphToHtml(el: Element, ctx: HtmlContext): string {
  let out = '';
  let run = '';
  const flush = () => {
    if (run.trim() !== '') out += `<p>${run.trim()}</p>`;
    run = '';
  };
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && BLOCKS.has(n.nodeName)) {
      flush();
      out += nodeToHtml(n, ctx);
    } else run += nodeToHtml(n, ctx);
  }
  flush();
  const id = el.getAttribute('id');
  return id && out.startsWith('<p>') ? `<p id="${escapeHtml(id)}">${out.slice(3)}` : out;
}

function xrefToHtml(el: Element, ctx: HtmlContext): string {
  const rid = (el.getAttribute('rid') ?? '').trim().split(/\s+/)[0];
  const inner = childrenToHtml(el, ctx);
  if (!rid) return inner;
  const link = `<a href="#${escapeHtml(rid)}">${inner}</a>`;
  const hasSup = childElements(el, 'sup').length > 0;
  return el.getAttribute('ref-type') === 'bibr' && isNumberedCitation(el) && !hasSup ? `<sup>${link}</sup>` : link;
}

/**
 * Numbered citations ("3", "6–8") read as superscripts. Author-year ones stay inline as the file
 * writes them: "Smith et al. 2001", and a bare year such as "1977" (a reference list never runs to
 * a thousand numbers). A number the file already brackets ("[1]") is shown as written.
 */
function isNumberedCitation(el: Element): boolean {
  const text = textOf(el);
  if (!/^[\s\d,–-]+$/.test(text)) return false;
  if ((text.match(/\d+/g) ?? []).some((n) => n.length >= 4)) return false;
  return !isBracketed(el);
}

/** Is the citation inside brackets the file wrote, as in "[4,<xref>5</xref>]"? */
function isBracketed(el: Element): boolean {
  for (let n: Node | null = el.previousSibling; n; n = n.previousSibling) {
    if (isText(n)) {
      const value = n.nodeValue ?? '';
      if (/[[(][\s\d,;–-]*$/.test(value)) return true;
      if (!/^[\s\d,;–-]*$/.test(value)) return false;
    } else if (!(isElement(n) && n.nodeName === 'xref')) return false;
  }
  return false;
}

function linkToHtml(el: Element, ctx: HtmlContext): string {
  const href = (el.getAttribute('xlink:href') ?? (el.nodeName === 'uri' ? textOf(el) : '')).trim();
  const inner = childrenToHtml(el, ctx) || escapeHtml(href);
  if (!/^https?:\/\//i.test(href)) return inner;
  return `<a rel="noopener" href="${escapeHtml(href)}">${inner}</a>`;
}

export function captionToHtml(el: Element, ctx: HtmlContext): string {
  const label = childElements(el, 'label')[0];
  const caption = childElements(el, 'caption')[0];
  const parts: string[] = [];
  if (label) parts.push(`<strong>${childrenToHtml(label, ctx)}</strong>`);
  for (const part of childElements(caption)) {
    parts.push(part.nodeName === 'title' ? `<strong>${childrenToHtml(part, ctx)}</strong>` : nodeToHtml(part, ctx));
  }
  return parts.length > 0 ? `<figcaption>${parts.join(' ')}</figcaption>` : '';
}

function boxToHtml(el: Element, ctx: HtmlContext): string {
  const caption = childElements(el, 'caption')[0];
  let out = caption ? captionToHtml(el, ctx).replace(/<(\/?)figcaption>/g, '<$1div>') : '';
  for (const child of childElements(el)) {
    if (child.nodeName === 'caption' || child.nodeName === 'label') continue;
    out += nodeToHtml(child, { ...ctx, depth: Math.max(ctx.depth, 2) });
  }
  return out;
}
