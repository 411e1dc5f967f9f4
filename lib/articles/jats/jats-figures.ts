// Figures, graphics, media and supplementary files → HTML, with the package's stored files:
// <figure class="fig"> holds a <picture> (AVIF, WebP, JPEG/PNG at several widths, width/height and
// alt from the caption) and its <figcaption>; media get a player when browsers play the format;
// every file a download link with its name and size. Absolute hrefs stay links, never <img>.
import { hrefOf, isExternalHref } from '../assets/asset-refs';
import { formatByteSize, printKey, renditionKey, type AssetViews, type ImageView } from '../assets/asset-views';
import { playerFor } from '../assets/content-type';
import { childElements, textOf, type Element } from './jats-dom';
import { tableWrapToHtml } from './jats-html-blocks';
import { captionToHtml, escapeHtml, idAttr, nodeToHtml, type HtmlContext } from './jats-to-html';

export type FigureRendering = {
  /** What the package stored for each href; empty when only the XML was imported. */
  views: AssetViews;
  /** URL prefix of the article's assets: "/doi/10.1/x/assets/". */
  assetBase: string;
  /** URL prefix of its slides: "/doi/10.1/x/slides/". */
  slideBase: string;
};

// Keyed by the parsed document, so the many HtmlContexts built across the converter need not carry it.
const renderings = new WeakMap<object, FigureRendering>();

export function setFigureRendering(root: Element, rendering: FigureRendering): void {
  if (root.ownerDocument) renderings.set(root.ownerDocument, rendering);
}

function renderingOf(el: Element): FigureRendering | undefined {
  return el.ownerDocument ? renderings.get(el.ownerDocument) : undefined;
}

const SIZES = '(max-width: 48rem) 100vw, 46rem';

/** The alt text of a figure's image: its alt-text, else its label and caption title, else the caption. */
export function altTextOf(graphic: Element, figure: Element | null): string {
  const own = textOf(childElements(graphic, 'alt-text')[0]) || textOf(childElements(figure, 'alt-text')[0]);
  if (own) return own;
  const label = textOf(childElements(figure, 'label')[0]);
  const caption = childElements(figure, 'caption')[0];
  const title = textOf(childElements(caption, 'title')[0]) || textOf(caption);
  const text = [label, title].filter(Boolean).join(' ');
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

function url(r: FigureRendering, key: string): string {
  return r.assetBase + encodeURIComponent(key);
}

function srcset(r: FigureRendering, view: ImageView, ext: 'avif' | 'webp' | 'jpg' | 'png'): string {
  return view.widths.map((w) => `${url(r, renditionKey(view, w, ext))} ${w}w`).join(', ');
}

function pictureHtml(r: FigureRendering, view: ImageView, alt: string): string {
  const source = (ext: 'avif' | 'webp') =>
    `<source type="image/${ext}" srcset="${escapeHtml(srcset(r, view, ext))}" sizes="${SIZES}">`;
  return (
    `<picture>${source('avif')}${source('webp')}` +
    `<img src="${escapeHtml(url(r, printKey(view)))}" srcset="${escapeHtml(srcset(r, view, view.fallback))}" sizes="${SIZES}"` +
    ` width="${view.width}" height="${view.height}" alt="${escapeHtml(alt)}" loading="lazy" decoding="async"></picture>`
  );
}

function externalLink(href: string, what: string): string {
  return `<p class="asset-external"><a rel="noopener" href="${escapeHtml(href)}">${escapeHtml(what)} (at ${escapeHtml(hostOf(href))})</a></p>`;
}

function hostOf(href: string): string {
  try {
    return new URL(href).host || href;
  } catch {
    return href;
  }
}

/** The image (or link) for one graphic: a <picture> when the package carried it, nothing when it did not. */
function graphicHtml(graphic: Element, figure: Element | null): string {
  const r = renderingOf(graphic);
  const href = hrefOf(graphic);
  if (!r || !href) return '';
  if (isExternalHref(href)) return /^https?:/i.test(href) ? externalLink(href, 'View the image') : '';
  const view = r.views.get(href);
  if (!view) return '';
  if (view.kind === 'image') return pictureHtml(r, view, altTextOf(graphic, figure));
  return downloadLink(r, view.key, view.fileName, view.byteSize);
}

function downloadLink(r: FigureRendering, key: string, fileName: string, byteSize: number): string {
  return `<p class="asset-download"><a href="${escapeHtml(url(r, key))}" download="${escapeHtml(fileName)}">${escapeHtml(fileName)}</a> (${formatByteSize(byteSize)})</p>`;
}

function slideLink(el: Element): string {
  const r = renderingOf(el);
  const id = el.getAttribute('id');
  if (!r || !id) return '';
  return `<p class="figure-actions"><a class="slide-link" href="${escapeHtml(r.slideBase + encodeURIComponent(id))}">Download slide</a></p>`;
}

function graphicsOf(el: Element): Element[] {
  return [
    ...childElements(el, 'graphic'),
    ...childElements(el, 'alternatives').flatMap((alt) => childElements(alt, 'graphic').slice(0, 1)),
  ];
}

export function figureToHtml(el: Element, ctx: HtmlContext): string {
  const images = graphicsOf(el)
    .map((g) => graphicHtml(g, el))
    .join('');
  const media = childElements(el, 'media')
    .map((m) => nodeToHtml(m, ctx))
    .join('');
  return `<figure class="fig"${idAttr(el)}>${images}${media}${captionToHtml(el, ctx)}${slideLink(el)}</figure>`;
}

/** A graphic outside a figure (in a table-wrap, a boxed text, alternatives). */
export function graphicToHtml(el: Element): string {
  const parent = el.parentNode;
  return graphicHtml(el, parent && parent.nodeName === 'fig' ? parent : null);
}

export function inlineGraphicToHtml(el: Element): string {
  const r = renderingOf(el);
  const view = r?.views.get(hrefOf(el));
  if (!r || view?.kind !== 'image') return '';
  const alt = textOf(childElements(el, 'alt-text')[0]);
  const key = renditionKey(view, view.widths[0]!, view.fallback);
  const width = view.widths[0]!;
  const height = Math.round((view.height * width) / view.width);
  return `<img class="inline-graphic" src="${escapeHtml(url(r, key))}" width="${width}" height="${height}" alt="${escapeHtml(alt)}">`;
}

/** A table, or an image of one (older files), with its caption, footnotes and slide link. */
export function tableWrapFigureToHtml(el: Element, ctx: HtmlContext): string {
  let html = tableWrapToHtml(el, ctx);
  const hasTable =
    childElements(el, 'table').length + childElements(childElements(el, 'alternatives')[0], 'table').length > 0;
  if (!hasTable) {
    const images = graphicsOf(el)
      .map((g) => graphicHtml(g, el))
      .join('');
    const captionEnd = html.indexOf('</figcaption>');
    const at = captionEnd >= 0 ? captionEnd + '</figcaption>'.length : html.indexOf('>') + 1;
    html = html.slice(0, at) + images + html.slice(at);
  }
  const end = html.lastIndexOf('</figure>');
  return end >= 0 ? html.slice(0, end) + slideLink(el) + html.slice(end) : html;
}

function captionBlock(el: Element, ctx: HtmlContext): string {
  return captionToHtml(el, ctx).replace(/<(\/?)figcaption>/g, '<$1div>');
}

export function mediaToHtml(el: Element, ctx: HtmlContext): string {
  return `<div class="media"${idAttr(el)}>${fileHtml(el, true)}${captionBlock(el, ctx)}</div>`;
}

export function supplementaryToHtml(el: Element, ctx: HtmlContext): string {
  const media = childElements(el, 'media')
    .map((m) => nodeToHtml(m, ctx))
    .join('');
  return `<div class="supplementary"${idAttr(el)}>${captionBlock(el, ctx)}${fileHtml(el, false)}${media}</div>`;
}

/** The player (media in a format browsers play) and the download link of an element's file. */
function fileHtml(el: Element, withPlayer: boolean): string {
  const href = hrefOf(el);
  const r = renderingOf(el);
  if (!href) return '';
  if (isExternalHref(href)) return /^https?:/i.test(href) ? externalLink(href, 'Open the file') : '';
  const view = r?.views.get(href);
  if (!r || !view) return '';
  if (view.kind === 'image') return pictureHtml(r, view, altTextOf(el, null));
  const player = withPlayer ? playerFor(view.contentType) : null;
  const src = escapeHtml(url(r, view.key));
  const playerHtml =
    player === 'video'
      ? `<video controls preload="metadata" src="${src}"></video>`
      : player === 'audio'
        ? `<audio controls preload="metadata" src="${src}"></audio>`
        : '';
  return playerHtml + downloadLink(r, view.key, view.fileName, view.byteSize);
}
