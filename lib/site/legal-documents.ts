/**
 * The versions of the documents a reader agrees to when registering. Change a version when the
 * text changes: each agreement is stored with the version it was given to (UserConsent).
 */
export const LEGAL_DOCUMENTS = {
  terms: { version: '2026-12-01', href: '/terms', title: 'Terms of Use' },
  privacy: { version: '2026-12-01', href: '/privacy', title: 'Privacy Notice' },
} as const;
