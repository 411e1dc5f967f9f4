// Which files a JATS article references: the assets a package must carry with it.
import { descendants, type Element } from '../jats/jats-dom';

export type AssetRefKind = 'graphic' | 'inline-graphic' | 'media' | 'supplementary-material';

export type AssetRef = { href: string; kind: AssetRefKind; mimetype: string | null };

const KINDS: AssetRefKind[] = ['graphic', 'inline-graphic', 'media', 'supplementary-material'];

export function hrefOf(el: Element): string {
  return (el.getAttribute('xlink:href') ?? el.getAttribute('href') ?? '').trim();
}

/** An absolute URL: never fetched nor hotlinked (the CSP allows images from this site only). */
export function isExternalHref(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/** Every referenced file, once, in document order (the first element naming it decides its kind). */
export function listAssetRefs(root: Element): AssetRef[] {
  const seen = new Map<string, AssetRef>();
  const elements = KINDS.flatMap((kind) => descendants(root, kind).map((el) => ({ el, kind })));
  for (const { el, kind } of elements) {
    const href = hrefOf(el);
    if (!href || seen.has(href)) continue;
    const mimetype = [el.getAttribute('mimetype'), el.getAttribute('mime-subtype')].filter(Boolean).join('/');
    seen.set(href, { href, kind, mimetype: mimetype || null });
  }
  return [...seen.values()];
}
