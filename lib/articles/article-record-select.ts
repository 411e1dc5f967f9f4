// The public record of an article, selected the same way wherever it is shown or deposited.

/**
 * What places an article in the record (DOI, title, pages, online date, whether it is free) and
 * the HTML every visitor may see. Never the full text: that leaves the database only after the
 * access decision.
 */
export const articleRecordSelect = {
  id: true,
  doi: true,
  title: true,
  subtitle: true,
  fpage: true,
  lpage: true,
  elocationId: true,
  publishedOnline: true,
  isFree: true,
  previewHtml: true,
  articleInfoHtml: true,
  referencesHtml: true,
} as const;

/** An author's name as published, and their ORCID. */
export const authorNameSelect = { givenNames: true, surname: true, suffix: true, collab: true, orcid: true } as const;
