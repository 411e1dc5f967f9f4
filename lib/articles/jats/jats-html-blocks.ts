// Tables and lists in JATS → HTML (split from jats-to-html.ts, which renders their contents).
import { childElements, textOf, type Element } from './jats-dom';
import { captionToHtml, childrenToHtml, escapeHtml, idAttr, nodeToHtml, type HtmlContext } from './jats-to-html';

/**
 * A table as a figure: the caption names it; the table sits in a focusable scroll region of its
 * own, so a wide table scrolls in place (by keyboard too) and the page never scrolls sideways.
 */
export function tableWrapToHtml(el: Element, ctx: HtmlContext): string {
  const table = childElements(el, 'table')[0] ?? childElements(childElements(el, 'alternatives')[0], 'table')[0];
  const foot = childElements(el, 'table-wrap-foot')[0];
  const id = el.getAttribute('id');
  const captionId = id ? `${id}-caption` : null;
  const caption = captionToHtml(el, ctx).replace(
    '<figcaption>',
    captionId ? `<figcaption id="${escapeHtml(captionId)}">` : '<figcaption>',
  );
  const name = captionId
    ? ` aria-labelledby="${escapeHtml(captionId)}"`
    : ` aria-label="${escapeHtml(textOf(childElements(el, 'label')[0]) || 'Table')}"`;
  const tableHtml = table
    ? `<div class="table-scroll" role="region" tabindex="0"${name}><table${name.startsWith(' aria-labelledby') ? name : ''}>${tableChildrenToHtml(table, ctx)}</table></div>`
    : // A table given only as an image (or not at all) has nothing to scroll.
      childElements(el)
        .filter((child) => ['graphic', 'alternatives', 'media'].includes(child.nodeName))
        .map((child) => nodeToHtml(child, ctx))
        .join('');
  const footHtml = foot ? `<div class="table-foot">${childrenToHtml(foot, ctx)}</div>` : '';
  return `<figure class="table"${idAttr(el)}>${caption}${tableHtml}${footHtml}</figure>`;
}

const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col']);
const SCOPES = new Set(['col', 'row', 'colgroup', 'rowgroup']);

export function tableChildrenToHtml(el: Element, ctx: HtmlContext, inHead = el.nodeName === 'thead'): string {
  const parts = childElements(el).filter((child) => TABLE_PARTS.has(child.nodeName));
  // A row of header cells only (a header row in the body) heads columns, as one in thead does.
  const isHeaderRow = el.nodeName === 'tr' && parts.length > 0 && parts.every((c) => c.nodeName === 'th');
  return parts
    .map((child) => {
      // Cells of a header row are headers, whatever tag the file gave them.
      const tag = child.nodeName === 'td' && inHead ? 'th' : child.nodeName;
      const attrs = ['colspan', 'rowspan', 'align', 'span']
        .map((a) => (child.getAttribute(a) ? ` ${a}="${escapeHtml(child.getAttribute(a) ?? '')}"` : ''))
        .join('');
      if (tag === 'col') return `<col${attrs}>`;
      if (tag !== 'th' && tag !== 'td') {
        return `<${tag}${attrs}>${tableChildrenToHtml(child, ctx, inHead || tag === 'thead')}</${tag}>`;
      }
      const scope = tag === 'th' ? ` scope="${headerScope(child, inHead || isHeaderRow)}"` : '';
      return `<${tag}${scope}${attrs}>${childrenToHtml(child, ctx)}</${tag}>`;
    })
    .join('');
}

/** `scope` of a header cell: the file's own when valid, else columns for header rows, rows for the rest. */
function headerScope(cell: Element, headsColumns: boolean): string {
  const own = (cell.getAttribute('scope') ?? '').toLowerCase();
  if (SCOPES.has(own)) return own;
  if (headsColumns) return Number(cell.getAttribute('colspan') ?? '1') > 1 ? 'colgroup' : 'col';
  return Number(cell.getAttribute('rowspan') ?? '1') > 1 ? 'rowgroup' : 'row';
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
