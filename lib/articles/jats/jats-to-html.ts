// Converts JATS body/abstract markup to HTML. The output is sanitized afterwards
// (sanitize-jats-html.ts); escaping here keeps text that looks like markup as text.
import { childElements, isElement, isText, textOf, type Element, type Node } from './jats-dom';

export type HtmlContext = {
  /** Section depth: 1 renders sec titles as h2, 2 as h3, deeper as h4. */
  depth: number;
  /** Elements already shown elsewhere (the preview paragraphs), left out here. */
  skip: Set<Element>;
};

const INLINE: Record<string, string> = {
  italic: 'em',
  bold: 'strong',
  sup: 'sup',
  sub: 'sub',
  underline: 'u',
  monospace: 'code',
};
const BLOCKS = new Set(['disp-quote', 'fig', 'table-wrap', 'list', 'boxed-text', 'def-list', 'disp-formula', 'table']);
// Elements with nothing readable to show (images, alt text for them, machine ids).
const DROPPED = new Set(['graphic', 'inline-graphic', 'alt-text', 'object-id', 'media', 'long-desc']);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function idAttr(el: Element): string {
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
  switch (name) {
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
      return linkToHtml(el, ctx);
    case 'fig':
      return `<figure class="figure"${idAttr(el)}>${captionToHtml(el, ctx)}</figure>`;
    case 'table-wrap':
      return tableWrapToHtml(el, ctx);
    case 'table':
      return `<table>${tableChildrenToHtml(el, ctx)}</table>`;
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
    case 'boxed-text':
      return `<aside class="box"${idAttr(el)}>${boxToHtml(el, ctx)}</aside>`;
    case 'title':
      return textOf(el) ? `<p><strong>${inner()}</strong></p>` : '';
    case 'label':
      return `<span class="label">${inner()}</span> `;
    case 'fn':
      return `<div class="footnote"${idAttr(el)}>${inner()}</div>`;
    default:
      // Unknown elements keep their text (and any markup we do know inside them).
      return inner();
  }
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
  // Numbered citations read as superscripts; author-year ones ("Smith 2005") stay inline.
  const isNumbered = /^[\s\d,–-]+$/.test(textOf(el));
  const hasSup = childElements(el, 'sup').length > 0;
  return el.getAttribute('ref-type') === 'bibr' && isNumbered && !hasSup ? `<sup>${link}</sup>` : link;
}

function linkToHtml(el: Element, ctx: HtmlContext): string {
  const href = (el.getAttribute('xlink:href') ?? (el.nodeName === 'uri' ? textOf(el) : '')).trim();
  const inner = childrenToHtml(el, ctx) || escapeHtml(href);
  if (!/^https?:\/\//i.test(href)) return inner;
  return `<a rel="noopener" href="${escapeHtml(href)}">${inner}</a>`;
}

function captionToHtml(el: Element, ctx: HtmlContext): string {
  const label = childElements(el, 'label')[0];
  const caption = childElements(el, 'caption')[0];
  const parts: string[] = [];
  if (label) parts.push(`<strong>${childrenToHtml(label, ctx)}</strong>`);
  for (const part of childElements(caption)) {
    parts.push(part.nodeName === 'title' ? `<strong>${childrenToHtml(part, ctx)}</strong>` : nodeToHtml(part, ctx));
  }
  return parts.length > 0 ? `<figcaption>${parts.join(' ')}</figcaption>` : '';
}

function tableWrapToHtml(el: Element, ctx: HtmlContext): string {
  const table = childElements(el, 'table')[0] ?? childElements(childElements(el, 'alternatives')[0], 'table')[0];
  const foot = childElements(el, 'table-wrap-foot')[0];
  const tableHtml = table ? nodeToHtml(table, ctx) : '';
  const footHtml = foot ? `<div class="table-foot">${childrenToHtml(foot, ctx)}</div>` : '';
  return `<figure class="table"${idAttr(el)}>${captionToHtml(el, ctx)}${tableHtml}${footHtml}</figure>`;
}

const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col']);

function tableChildrenToHtml(el: Element, ctx: HtmlContext): string {
  return childElements(el)
    .filter((child) => TABLE_PARTS.has(child.nodeName))
    .map((child) => {
      const tag = child.nodeName;
      const attrs = ['colspan', 'rowspan', 'align', 'span']
        .map((a) => (child.getAttribute(a) ? ` ${a}="${escapeHtml(child.getAttribute(a) ?? '')}"` : ''))
        .join('');
      if (tag === 'col') return `<col${attrs}>`;
      const content = tag === 'th' || tag === 'td' ? childrenToHtml(child, ctx) : tableChildrenToHtml(child, ctx);
      return `<${tag}${attrs}>${content}</${tag}>`;
    })
    .join('');
}

function listToHtml(el: Element, ctx: HtmlContext): string {
  const type = el.getAttribute('list-type') ?? '';
  const tag = /^(order|alpha|roman)/.test(type) ? 'ol' : 'ul';
  const items = childElements(el, 'list-item')
    .map((item) => nodeToHtml(item, ctx))
    .join('');
  return `<${tag}${idAttr(el)}>${items}</${tag}>`;
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
