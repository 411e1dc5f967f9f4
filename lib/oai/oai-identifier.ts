// Record identifiers: oai:<the site's host name>:<DOI>, e.g.
// oai:journal.example.org:10.1001/archdermatol.2011.3156 (the oai-identifier scheme).

const DOMAIN = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

const hostOf = (siteUrl: string) => new URL(siteUrl).hostname;

export function oaiIdentifier(doi: string, siteUrl: string): string {
  return `oai:${hostOf(siteUrl)}:${doi}`;
}

/** The DOI an identifier of this repository names, or null for anyone else's identifier. */
export function doiFromOaiIdentifier(identifier: string, siteUrl: string): string | null {
  const prefix = `oai:${hostOf(siteUrl)}:`;
  if (!identifier.toLowerCase().startsWith(prefix.toLowerCase())) return null;
  const doi = identifier.slice(prefix.length);
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

/** The host name as the oai-identifier description needs it (a domain name), or null. */
export function repositoryIdentifier(siteUrl: string): string | null {
  const host = hostOf(siteUrl);
  return DOMAIN.test(host) ? host : null;
}
