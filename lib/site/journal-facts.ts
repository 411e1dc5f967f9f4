/** The journal this site publishes, as the header, footer and footer pages name it. */
export const JOURNAL = {
  title: 'Archives of Dermatology',
  publisher: 'Sample Medical Publishing (demo)',
  printIssn: '0003-987X',
  onlineIssn: '1538-3652',
  editorialOffice: 'editorial-office@example.com',
  subscriptions: 'subscriptions@example.com',
  accessibility: 'accessibility@example.com',
} as const;

/** The footer's pages, in order. */
export const FOOTER_PAGES = [
  { href: '/about', label: 'About' },
  { href: '/contact', label: 'Contact' },
  { href: '/privacy', label: 'Privacy' },
  { href: '/terms', label: 'Terms of Use' },
  { href: '/accessibility', label: 'Accessibility' },
] as const;
