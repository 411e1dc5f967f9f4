// What the HTML converter needs to know about a package's files (no bytes): built by
// prepare-assets.ts, read by jats/jats-figures.ts.

export type ImageView = {
  kind: 'image';
  /** Widths rendered, smallest first; the last is the full size. */
  widths: number[];
  width: number;
  height: number;
  /** The fallback format for browsers without AVIF/WebP (PNG keeps transparency). */
  fallback: 'jpg' | 'png';
  /** Rendition key for a width and format: `${keyStem}-w${width}.${ext}`. */
  keyStem: string;
};

export type FileView = { kind: 'file'; key: string; fileName: string; byteSize: number; contentType: string };

export type AssetView = ImageView | FileView;

/** href → what was stored for it. An href absent from the map is missing from the package (or external). */
export type AssetViews = Map<string, AssetView>;

export function renditionKey(view: ImageView, width: number, ext: 'avif' | 'webp' | 'jpg' | 'png'): string {
  return `${view.keyStem}-w${width}.${ext}`;
}

/** The largest JPEG/PNG: for slides, the PDF, and browsers without srcset. */
export function printKey(view: ImageView): string {
  return renditionKey(view, view.widths[view.widths.length - 1]!, view.fallback);
}

export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
