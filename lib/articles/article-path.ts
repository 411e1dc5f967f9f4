// Article URLs are /doi/<prefix>/<suffix>, e.g. /doi/10.1001/archdermatol.2011.3156.
// A DOI suffix may itself contain "/", so it is encoded as one path segment.

export type DoiParams = { prefix: string; suffix: string };

export function articlePath(doi: string): string {
  const slash = doi.indexOf('/');
  return `/doi/${doi.slice(0, slash)}/${encodeURIComponent(doi.slice(slash + 1))}`;
}

/** The DOI named by the route's params, or null when they cannot be a DOI. */
export function doiFromParams({ prefix, suffix }: DoiParams): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(suffix);
  } catch {
    return null;
  }
  if (!/^10\.\d{4,9}$/.test(prefix) || decoded.length === 0 || decoded.length > 300) return null;
  return `${prefix}/${decoded}`;
}
