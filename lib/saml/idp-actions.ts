'use server';
// An institution's identity provider, set by an admin (/admin/institutions, through adminAction
// like every console operation: admins only, audited) or by its own librarian (/librarian/saml).

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/admin/admin-guard';
import type { CurrentUser } from '@/lib/auth/current-user';
import { ValidationError } from '@/lib/errors/app-error';
import { listOf } from '@/lib/http/action';
import { librarianAction } from '@/lib/librarian/librarian-guard';
import { MAX_METADATA_BYTES } from './parse-idp-metadata';
import {
  idpInitiatedSchema,
  idpSettingsSchema,
  removeIdpSchema,
  removeInstitutionIdp,
  saveInstitutionIdp,
  setIdpInitiatedSignIn,
} from './save-institution-idp';

/** The form as sent: lists one entry per line (or comma); the metadata pasted, or as a file. */
const idpForm = z.object({
  metadataXml: z
    .string()
    .max(MAX_METADATA_BYTES * 2, 'The metadata is larger than 512 KB.')
    .default(''),
  scopes: z.string().max(5000).default(''),
  allowedAffiliations: z.string().max(2000).default(''),
  entitlement: z.string().max(300).default(''),
});
const adminIdpForm = idpForm.extend({ institutionId: z.string().trim().min(1).max(40) });

/** The metadata file, when one was chosen: it takes the place of the pasted text. */
async function metadataFileOf(formData: FormData): Promise<{ metadataXml?: string }> {
  const file = formData.get('metadataFile');
  if (!(file instanceof File) || file.size === 0) return {};
  if (file.size > MAX_METADATA_BYTES)
    throw new ValidationError('The metadata file is larger than 512 KB. Nothing was changed.');
  return { metadataXml: await file.text() };
}

/** Saves the settings (refused, changing nothing, when they are not valid); what the form says then. */
async function save(actor: CurrentUser, institutionId: string, data: z.infer<typeof idpForm>): Promise<string> {
  const settings = idpSettingsSchema.safeParse({
    institutionId,
    metadataXml: data.metadataXml,
    scopes: listOf(data.scopes),
    allowedAffiliations: listOf(data.allowedAffiliations),
    entitlement: data.entitlement,
  });
  if (!settings.success)
    throw new ValidationError(`${settings.error.issues[0]?.message ?? 'Check the settings.'} Nothing was changed.`);
  const result = await saveInstitutionIdp(actor, settings.data);
  revalidatePath('/admin/institutions');
  revalidatePath('/librarian/saml');
  const warnings = result.warnings.length ? ` Warnings: ${result.warnings.join(' ')}` : '';
  return `Saved: readers now sign in at ${result.ssoUrl} (${result.entityId}).${warnings}`;
}

const REMOVED = 'The identity provider was removed: readers can no longer sign in through it.';
const said = (message: string) => ({ message });

export const setIdpAsAdminAction = adminAction(adminIdpForm, (admin, data) => save(admin, data.institutionId, data), {
  read: metadataFileOf,
  describe: said,
});

export const removeIdpAsAdminAction = adminAction(removeIdpSchema, removeInstitutionIdp, {
  describe: () => said(REMOVED),
});

export const setIdpAsLibrarianAction = librarianAction(idpForm, async (data, librarian, formData) => ({
  ok: true,
  message: await save(librarian.user, librarian.institution.id, { ...data, ...(await metadataFileOf(formData)) }),
}));

export const removeIdpAsLibrarianAction = librarianAction(z.object({}), async (_data, librarian) => {
  await removeInstitutionIdp(librarian.user, { institutionId: librarian.institution.id });
  revalidatePath('/librarian/saml');
  return { ok: true, message: REMOVED };
});

const idpInitiatedForm = idpInitiatedSchema.pick({ allow: true });

async function setIdpInitiated(actor: CurrentUser, institutionId: string, allow: boolean): Promise<string> {
  await setIdpInitiatedSignIn(actor, { institutionId, allow });
  revalidatePath('/admin/institutions');
  revalidatePath('/librarian/saml');
  return allow
    ? 'Sign-ins started at the identity provider (from its portal) are now accepted.'
    : 'Sign-ins started at the identity provider are now refused: readers start from the journal.';
}

export const setIdpInitiatedAsAdminAction = adminAction(
  idpInitiatedSchema,
  (admin, { institutionId, allow }) => setIdpInitiated(admin, institutionId, allow),
  { describe: said },
);

export const setIdpInitiatedAsLibrarianAction = librarianAction(idpInitiatedForm, async (data, librarian) => ({
  ok: true,
  message: await setIdpInitiated(librarian.user, librarian.institution.id, data.allow),
}));
