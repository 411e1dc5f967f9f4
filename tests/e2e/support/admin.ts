/** The admin console's pages (a user's own page, /admin/users/<id>, needs an id). */
export const ADMIN_PAGES = [
  '/admin',
  '/admin/users',
  '/admin/subscriptions',
  '/admin/purchases',
  '/admin/institutions',
  '/admin/members',
  '/admin/articles',
  '/admin/comments',
  '/admin/cme',
  '/admin/jobs',
  '/admin/usage',
  '/admin/audit',
];
