// The reader's text size: a cookie the size buttons write, read before paint by /text-size.js and,
// on the per-reader article page, by the server (so it applies without JavaScript). Pure.
export const TEXT_SIZES = ['small', 'medium', 'large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const TEXT_SIZE_COOKIE = 'text-size';
/** Where the size buttons post without JavaScript (app/api/text-size/route.ts). */
export const TEXT_SIZE_PATH = '/api/text-size';

export function parseTextSize(value: string | null | undefined): TextSize {
  return value === 'small' || value === 'large' ? value : 'medium';
}
