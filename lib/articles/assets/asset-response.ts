import type { StoredAssetBlob } from './asset-store';

// Shown in the page (img, video, audio); anything else is only ever downloaded, so a stored HTML or
// SVG file can never run as a page of this site.
const INLINE_TYPES = new Set([
  'image/avif',
  'image/webp',
  'image/jpeg',
  'image/png',
  'image/gif',
  'video/mp4',
  'video/webm',
  'video/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/wav',
  'audio/ogg',
]);

/** The file's name for a download: the key without its content-hash prefix ("a1b2c3d4e5-S1_File.docx"). */
export function downloadNameOf(key: string): string {
  return key.replace(/^[0-9a-f]{10}-/, '');
}

/** The HTTP answer for a stored file: ETag from its hash, 304 when the browser has it. */
export function assetResponse(request: Request, key: string, asset: StoredAssetBlob): Response {
  const etag = `"${asset.sha256}"`;
  const isInline = INLINE_TYPES.has(asset.contentType);
  const headers: Record<string, string> = {
    'Content-Type': isInline
      ? asset.contentType
      : asset.contentType.startsWith('text/')
        ? 'text/plain; charset=utf-8'
        : asset.contentType,
    ETag: etag,
    // Keys carry the content hash, so a public file never changes under its URL. A gated one stays
    // in this reader's browser only, and only for an hour (access can end).
    'Cache-Control': asset.isPublic ? 'public, max-age=31536000, immutable' : 'private, max-age=3600',
    'Content-Disposition': isInline ? 'inline' : `attachment; filename="${downloadNameOf(key).replace(/"/g, '')}"`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(asset.bytes), { headers: { ...headers, 'Content-Length': String(asset.byteSize) } });
}
