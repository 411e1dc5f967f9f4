// What a "Download slide" shows for each figure and table: read from the XML at import time.
import { hrefOf } from '../assets/asset-refs';
import { printKey, type AssetViews } from '../assets/asset-views';
import { childAt, childElements, descendants, textOf, type Element } from './jats-dom';

export type SlideCell = { text: string; colspan: number; rowspan: number; header: boolean };

export type FigureFact = {
  figureId: string;
  kind: 'figure' | 'table';
  label: string;
  /** Caption title and paragraphs as plain text. */
  caption: string;
  licence: string;
  /** Key of the print image (its first graphic); null when the package had none, or for a table with cells. */
  imageKey: string | null;
  table: SlideCell[][] | null;
};

function licenceOf(el: Element | null): string {
  const permissions = childElements(el, 'permissions')[0];
  if (!permissions) return '';
  const copyright = textOf(childElements(permissions, 'copyright-statement')[0]);
  const license = childElements(permissions, 'license')[0];
  const licenseText = textOf(childElements(license, 'license-p')[0]) || textOf(license);
  const href = license?.getAttribute('xlink:href') ?? '';
  return [copyright, licenseText || href].filter(Boolean).join(' ');
}

function captionOf(el: Element): string {
  const caption = childElements(el, 'caption')[0];
  return childElements(caption)
    .map((part) => textOf(part))
    .filter(Boolean)
    .join(' ');
}

function span(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n < 100 ? n : 1;
}

function tableRows(table: Element): SlideCell[][] {
  return descendants(table, 'tr').map((tr) =>
    childElements(tr, 'th', 'td').map((cell) => ({
      text: textOf(cell),
      colspan: span(cell.getAttribute('colspan')),
      rowspan: span(cell.getAttribute('rowspan')),
      header: cell.nodeName === 'th' || cell.parentNode?.parentNode?.nodeName === 'thead',
    })),
  );
}

/** Facts for every fig and table-wrap that has an id (the slide URL names it). */
export function readFigureFacts(root: Element, views: AssetViews): FigureFact[] {
  const articleLicence = licenceOf(childAt(root, 'front', 'article-meta'));
  const elements = [...descendants(root, 'fig'), ...descendants(root, 'table-wrap')];
  const seen = new Set<string>();
  const facts: FigureFact[] = [];
  for (const el of elements) {
    const figureId = el.getAttribute('id')?.trim();
    if (!figureId || seen.has(figureId)) continue;
    seen.add(figureId);
    const graphic = [
      ...childElements(el, 'graphic'),
      ...descendants(childElements(el, 'alternatives')[0], 'graphic'),
    ][0];
    const view = graphic ? views.get(hrefOf(graphic)) : undefined;
    const table = childElements(el, 'table')[0] ?? childElements(childElements(el, 'alternatives')[0], 'table')[0];
    facts.push({
      figureId,
      kind: el.nodeName === 'fig' ? 'figure' : 'table',
      label: textOf(childElements(el, 'label')[0]),
      caption: captionOf(el),
      licence: licenceOf(el) || articleLicence,
      // A table with real cells becomes a native, editable table; its image stand-in is only a fallback.
      imageKey: view?.kind === 'image' && !(el.nodeName === 'table-wrap' && table) ? printKey(view) : null,
      table: el.nodeName === 'table-wrap' && table ? tableRows(table) : null,
    });
  }
  return facts;
}
