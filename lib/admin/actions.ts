'use server';
// The admin console's operations as server actions, one per form (app/admin/**). Each goes
// through adminAction: admins only, the form validated by the operation's schema, audited.

import { adminAction, uploadedFile } from './admin-guard';
import { articleEditSchema, editArticle, MAX_PACKAGE_BYTES, uploadJats, uploadJatsSchema } from './articles';
import { importMembers, importMembersSchema, MAX_CSV_BYTES } from './import-members';
import {
  assignLibrarian,
  assignLibrarianSchema,
  removeLibrarian,
  removeLibrarianSchema,
} from './institution-librarians';
import {
  createInstitution,
  deactivateInstitution,
  deactivateSchema,
  institutionSchema,
  updateInstitution,
  updateInstitutionSchema,
} from './institutions';
import { retryFailedJob, retryJobSchema } from './job-failures';
import { moderateComment, moderateSchema } from './moderate-comments';
import { publishIssue, publishIssueSchema } from './publish-issue';
import { refundPurchase, refundSchema } from './purchases';
import {
  cancelSchema,
  cancelSubscription,
  extendSchema,
  extendSubscription,
  grantComplimentary,
  grantSchema,
  refundLatestPayment,
  refundLatestSchema,
} from './subscriptions';
import { setDisabledSchema, setRoleSchema, setUserDisabled, setUserRole } from './users';

export const setUserRoleAction = adminAction(setRoleSchema, setUserRole);
export const setUserDisabledAction = adminAction(setDisabledSchema, setUserDisabled, { checkboxes: ['disabled'] });

export const grantSubscriptionAction = adminAction(grantSchema, grantComplimentary);
export const extendSubscriptionAction = adminAction(extendSchema, extendSubscription);
export const cancelSubscriptionAction = adminAction(cancelSchema, cancelSubscription);
export const refundSubscriptionAction = adminAction(refundLatestSchema, refundLatestPayment);
export const refundPurchaseAction = adminAction(refundSchema, refundPurchase);

const ranges = { lists: ['ranges'] };
export const createInstitutionAction = adminAction(institutionSchema, createInstitution, ranges);
export const updateInstitutionAction = adminAction(updateInstitutionSchema, updateInstitution, ranges);
export const deactivateInstitutionAction = adminAction(deactivateSchema, deactivateInstitution);
export const assignLibrarianAction = adminAction(assignLibrarianSchema, assignLibrarian);
export const removeLibrarianAction = adminAction(removeLibrarianSchema, removeLibrarian);

/** The CSV file of field `csv`; the report lists each refused row by its line. */
export const importMembersAction = adminAction(importMembersSchema, importMembers, {
  read: async (formData) => {
    const file = uploadedFile(formData, 'csv', MAX_CSV_BYTES, 'The file is larger than 1 MB.');
    return { fileName: file.name || 'members.csv', csv: await file.text() };
  },
  describe: ({ imported, updated, problems }) => ({
    message: `Saved. ${imported} imported, ${updated} updated, ${problems.length} rejected.`,
    details: problems.map((p) => `Line ${p.line}: ${p.reason}`),
  }),
});

/** The JATS XML file or zip package of field `xml`: its bytes, so an XML file is decoded per its own declaration. */
export const importArticleAction = adminAction(uploadJatsSchema, uploadJats, {
  checkboxes: ['allowMissingAssets'],
  read: async (formData) => {
    const file = uploadedFile(formData, 'xml', MAX_PACKAGE_BYTES, 'The file is larger than 30 MB.');
    return { fileName: file.name, xmlBase64: Buffer.from(await file.arrayBuffer()).toString('base64') };
  },
  describe: ({ articles, warnings }) => ({
    message: `Saved. ${articles.map((a) => `${a.created ? 'Imported' : 'Updated'} ${a.doi}`).join('; ')}.`,
    details: warnings.map((w) => `Warning: ${w}`),
  }),
});

export const editArticleAction = adminAction(articleEditSchema, editArticle, {
  checkboxes: ['isFree'],
  lists: ['topics', 'seeAlso'],
});
export const publishIssueAction = adminAction(publishIssueSchema, publishIssue);
export const moderateCommentAction = adminAction(moderateSchema, moderateComment);
export const retryJobAction = adminAction(retryJobSchema, retryFailedJob);
