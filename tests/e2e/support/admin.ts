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

/** The admin console's server actions (lib/admin/actions.ts), each with the page whose form posts to it. */
export const ADMIN_ACTIONS = [
  { name: 'setUserRoleAction', path: '/admin/users/none' },
  { name: 'setUserDisabledAction', path: '/admin/users/none' },
  { name: 'grantSubscriptionAction', path: '/admin/subscriptions' },
  { name: 'extendSubscriptionAction', path: '/admin/subscriptions' },
  { name: 'cancelSubscriptionAction', path: '/admin/subscriptions' },
  { name: 'refundSubscriptionAction', path: '/admin/subscriptions' },
  { name: 'refundPurchaseAction', path: '/admin/purchases' },
  { name: 'createInstitutionAction', path: '/admin/institutions' },
  { name: 'updateInstitutionAction', path: '/admin/institutions' },
  { name: 'deactivateInstitutionAction', path: '/admin/institutions' },
  { name: 'assignLibrarianAction', path: '/admin/institutions' },
  { name: 'removeLibrarianAction', path: '/admin/institutions' },
  { name: 'importMembersAction', path: '/admin/members' },
  { name: 'importArticleAction', path: '/admin/articles' },
  { name: 'editArticleAction', path: '/admin/articles' },
  { name: 'publishIssueAction', path: '/admin/articles' },
  { name: 'moderateCommentAction', path: '/admin/comments' },
  { name: 'retryJobAction', path: '/admin/jobs' },
] as const;
export type AdminActionName = (typeof ADMIN_ACTIONS)[number]['name'];
