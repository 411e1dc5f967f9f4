/** CSS class of the part of an article page that only entitled readers see (named in the JSON-LD). */
export const GATED_CONTENT_CLASS = 'gated-content';
