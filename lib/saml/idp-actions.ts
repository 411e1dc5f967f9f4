'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { listOf, validatedAction, validatedActionWithUser, type ActionState } from '@/lib/http/action';
import { librarianAction } from '@/lib/librarian/librarian-guard';
import type { CurrentUser } from '@/lib/auth/current-user';
import { MAX_METADATA_BYTES } from './parse-idp-metadata';
import {
  idpInitiatedSchema,
  idpSettingsSchema,
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
const adminRemoveForm = z.object({ institutionId: z.string().trim().min(1).max(40) });

async function metadataOf(data: z.infer<typeof idpForm>, formData: FormData): Promise<string> {
  const file = formData.get('metadataFile');
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_METADATA_BYTES) return '\u0000too-large';
    return file.text();
  }
  return data.metadataXml;
}

async function save(
  actor: CurrentUser,
  institutionId: string,
  data: z.infer<typeof idpForm>,
  formData: FormData,
): Promise<ActionState> {
  const metadataXml = await metadataOf(data, formData);
  if (metadataXml === '\u0000too-large')
    return { ok: false, message: 'The metadata file is larger than 512 KB. Nothing was changed.' };
  const settings = idpSettingsSchema.safeParse({
    institutionId,
    metadataXml,
    scopes: listOf(data.scopes),
    allowedAffiliations: listOf(data.allowedAffiliations),
    entitlement: data.entitlement,
  });
  if (!settings.success)
    return { ok: false, message: `${settings.error.issues[0]?.message ?? 'Check the settings.'} Nothing was changed.` };
  const result = await saveInstitutionIdp(actor, settings.data);
  revalidatePath('/admin/institutions');
  revalidatePath('/librarian/saml');
  const warnings = result.warnings.length ? ` Warnings: ${result.warnings.join(' ')}` : '';
  return { ok: true, message: `Saved: readers now sign in at ${result.ssoUrl} (${result.entityId}).${warnings}` };
}

async function requireAdminUser(): Promise<CurrentUser | ActionState> {
  const user = await getCurrentUser();
  if (!user || user.role !== 'admin')
    return { ok: false, message: 'Only administrators can do this. Nothing was changed.' };
  return user;
}

export const setIdpAsAdminAction = validatedActionWithUser(adminIdpForm, async (data, user, formData) => {
  if (user.role !== 'admin') return { ok: false, message: 'Only administrators can do this. Nothing was changed.' };
  return save(user, data.institutionId, data, formData);
});

export const removeIdpAsAdminAction = validatedAction(adminRemoveForm, async ({ institutionId }) => {
  const user = await requireAdminUser();
  if (!('id' in user)) return user;
  await removeInstitutionIdp(user, { institutionId });
  revalidatePath('/admin/institutions');
  return { ok: true, message: 'The identity provider was removed: readers can no longer sign in through it.' };
});

export const setIdpAsLibrarianAction = librarianAction(idpForm, (data, librarian, formData) =>
  save(librarian.user, librarian.institution.id, data, formData),
);

export const removeIdpAsLibrarianAction = librarianAction(z.object({}), async (_data, librarian) => {
  await removeInstitutionIdp(librarian.user, { institutionId: librarian.institution.id });
  revalidatePath('/librarian/saml');
  return { ok: true, message: 'The identity provider was removed: readers can no longer sign in through it.' };
});

const idpInitiatedForm = idpInitiatedSchema.pick({ allow: true });
const adminIdpInitiatedForm = idpInitiatedSchema;

async function setIdpInitiated(actor: CurrentUser, institutionId: string, allow: boolean): Promise<ActionState> {
  await setIdpInitiatedSignIn(actor, { institutionId, allow });
  revalidatePath('/admin/institutions');
  revalidatePath('/librarian/saml');
  return {
    ok: true,
    message: allow
      ? 'Sign-ins started at the identity provider (from its portal) are now accepted.'
      : 'Sign-ins started at the identity provider are now refused: readers start from the journal.',
  };
}

export const setIdpInitiatedAsAdminAction = validatedActionWithUser(adminIdpInitiatedForm, async (data, user) => {
  if (user.role !== 'admin') return { ok: false, message: 'Only administrators can do this. Nothing was changed.' };
  return setIdpInitiated(user, data.institutionId, data.allow);
});

export const setIdpInitiatedAsLibrarianAction = librarianAction(idpInitiatedForm, (data, librarian) =>
  setIdpInitiated(librarian.user, librarian.institution.id, data.allow),
);
