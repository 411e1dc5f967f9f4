// Comment length limits, shared by the form (client) and the validation (server).
export const COMMENT_MIN = 10;
export const COMMENT_MAX = 4000;
export const DISCLOSURE_MAX = 500;
