// Tables and lists in JATS → HTML (split from jats-to-html.ts, which renders their contents).
import { childElements, textOf, type Element } from './jats-dom';
import { captionToHtml, childrenToHtml, escapeHtml, idAttr, nodeToHtml, type HtmlContext } from './jats-to-html';

export function tableWrapToHtml(el: Element, ctx: HtmlContext): string {
  const table = childElements(el, 'table')[0] ?? childElements(childElements(el, 'alternatives')[0], 'table')[0];
  const foot = childElements(el, 'table-wrap-foot')[0];
  const tableHtml = table ? nodeToHtml(table, ctx) : '';
  const footHtml = foot ? `<div class="table-foot">${childrenToHtml(foot, ctx)}</div>` : '';
  return `<figure class="table"${idAttr(el)}>${captionToHtml(el, ctx)}${tableHtml}${footHtml}</figure>`;
}

const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col']);

export function tableChildrenToHtml(el: Element, ctx: HtmlContext): string {
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

// JATS list-type → the HTML list that numbers (or marks) its items the same way.
const LIST_TYPES: Record<string, { tag: 'ol' | 'ul'; attrs: string }> = {
  order: { tag: 'ol', attrs: '' },
  'alpha-lower': { tag: 'ol', attrs: ' type="a"' },
  'alpha-upper': { tag: 'ol', attrs: ' type="A"' },
  'roman-lower': { tag: 'ol', attrs: ' type="i"' },
  'roman-upper': { tag: 'ol', attrs: ' type="I"' },
  simple: { tag: 'ul', attrs: ' class="list-simple"' },
  bullet: { tag: 'ul', attrs: '' },
};

export function listToHtml(el: Element, ctx: HtmlContext): string {
  const type = el.getAttribute('list-type') ?? 'bullet';
  const items = childElements(el, 'list-item');
  // Items that carry their own labels ("(a)", "1.") must not get a second marker.
  const hasLabels = items.length > 0 && items.every((item) => childElements(item, 'label').length > 0);
  const { tag, attrs } = hasLabels ? LIST_TYPES.simple! : (LIST_TYPES[type] ?? LIST_TYPES.bullet!);
  const title = childElements(el, 'title')[0];
  const heading = title && textOf(title) ? `<p><strong>${childrenToHtml(title, ctx)}</strong></p>` : '';
  return `${heading}<${tag}${attrs}${idAttr(el)}>${items.map((item) => nodeToHtml(item, ctx)).join('')}</${tag}>`;
}
