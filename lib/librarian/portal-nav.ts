// The librarian portal's sections, one line each, in the order the portal's menu shows them.
// Helpers adding a section add its page under app/librarian/<section>/ and one line here.

export type PortalSection = { href: string; label: string };

export const PORTAL_NAV: readonly PortalSection[] = [
  { href: '/librarian', label: 'Overview' },
  { href: '/librarian/ip-ranges', label: 'IP ranges' },
  { href: '/librarian/test-address', label: 'Test an address' },
  { href: '/librarian/holdings', label: 'Subscription and holdings' },
  { href: '/librarian/usage', label: 'Usage and COUNTER reports' },
  { href: '/librarian/counter-api', label: 'COUNTER API' },
  { href: '/librarian/saml', label: 'Institution sign-in (SAML)' },
  { href: '/librarian/history', label: 'Change history' },
];
