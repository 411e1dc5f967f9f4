import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { recordAudit } from '@/lib/admin/record-audit';
import { DEFAULT_AFFILIATIONS } from './map-saml-attributes';
import { MAX_METADATA_BYTES, MetadataError, parseIdpMetadata } from './parse-idp-metadata';

const word = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z-]{1,40}$/, 'Affiliations are words such as member, staff, student.');
const scope = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]{1,253}$/, 'A scope is a domain such as hospital.example.');

export const idpSettingsSchema = z.object({
  institutionId: z.string().trim().min(1).max(40),
  metadataXml: z.string().max(MAX_METADATA_BYTES * 2, 'The metadata is larger than 512 KB.'),
  /** Empty: the metadata's shibmd:Scope values. */
  scopes: z.array(scope).max(20).default([]),
  /** Empty: member, faculty, staff, student, employee. */
  allowedAffiliations: z.array(word).max(20).default([]),
  entitlement: z
    .string()
    .trim()
    .max(300)
    .default('')
    .transform((v) => v || null),
});
export const removeIdpSchema = z.object({ institutionId: z.string().trim().min(1).max(40) });
export const idpInitiatedSchema = z.object({
  institutionId: z.string().trim().min(1).max(40),
  allow: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

const audited = (idp: {
  entityId: string;
  ssoUrl: string;
  scopes: string[];
  allowedAffiliations: string[];
  entitlement: string | null;
  signingCertificates: string[];
  allowIdpInitiated: boolean;
}) => ({
  entityId: idp.entityId,
  ssoUrl: idp.ssoUrl,
  scopes: idp.scopes,
  allowedAffiliations: idp.allowedAffiliations,
  entitlement: idp.entitlement,
  signingCertificates: idp.signingCertificates.length,
  allowIdpInitiated: idp.allowIdpInitiated,
});

/**
 * Sets (or replaces) an institution's identity provider from its metadata, audited. Invalid
 * metadata is refused with the reason and changes nothing; warnings (an expired certificate, an
 * http sign-in address) are returned with the saved result.
 */
export async function saveInstitutionIdp(actor: CurrentUser, input: z.infer<typeof idpSettingsSchema>) {
  let metadata;
  try {
    metadata = parseIdpMetadata(input.metadataXml);
  } catch (error) {
    if (error instanceof MetadataError) throw new ValidationError(error.message);
    throw error;
  }
  const scopes = input.scopes.length ? input.scopes : metadata.scopes;
  const warnings = [...metadata.warnings];
  if (!scopes.length && !input.entitlement)
    warnings.push('No scope is known: affiliations with any scope will be accepted from this identity provider.');
  const data = {
    entityId: metadata.entityId,
    ssoUrl: metadata.ssoUrl,
    signingCertificates: metadata.signingCertificates,
    scopes,
    allowedAffiliations: input.allowedAffiliations.length ? input.allowedAffiliations : DEFAULT_AFFILIATIONS,
    entitlement: input.entitlement,
    metadataXml: input.metadataXml,
  };
  return db.$transaction(async (tx) => {
    const institution = await tx.institution.findUnique({ where: { id: input.institutionId }, include: { idp: true } });
    if (!institution) throw new NotFoundError('No such institution.');
    const other = await tx.institutionIdp.findUnique({
      where: { entityId: metadata.entityId },
      include: { institution: { select: { name: true } } },
    });
    if (other && other.institutionId !== institution.id)
      throw new ValidationError(
        `The identity provider ${metadata.entityId} is already registered for ${other.institution.name}.`,
      );
    const saved = await tx.institutionIdp.upsert({
      where: { institutionId: institution.id },
      create: { institutionId: institution.id, ...data },
      update: data,
    });
    await recordAudit(tx, actor, {
      action: institution.idp ? 'institution.idp.replace' : 'institution.idp.set',
      targetType: 'Institution',
      targetId: institution.id,
      summary: `Set the SAML identity provider of ${institution.name} to ${metadata.entityId}`,
      before: institution.idp ? audited(institution.idp) : undefined,
      after: audited(saved),
    });
    return { ok: true, entityId: saved.entityId, ssoUrl: saved.ssoUrl, scopes: saved.scopes, warnings };
  });
}

/** Removes an institution's identity provider (its readers can no longer sign in through it), audited. */
export async function removeInstitutionIdp(actor: CurrentUser, input: z.infer<typeof removeIdpSchema>) {
  return db.$transaction(async (tx) => {
    const idp = await tx.institutionIdp.findUnique({
      where: { institutionId: input.institutionId },
      include: { institution: { select: { name: true } } },
    });
    if (!idp) throw new NotFoundError('This institution has no identity provider set.');
    await tx.institutionIdp.delete({ where: { id: idp.id } });
    await recordAudit(tx, actor, {
      action: 'institution.idp.remove',
      targetType: 'Institution',
      targetId: input.institutionId,
      summary: `Removed the SAML identity provider ${idp.entityId} of ${idp.institution.name}`,
      before: audited(idp),
    });
    return { ok: true };
  });
}

/**
 * Allows (or stops) sign-ins started at the institution's IdP (its portal, OpenAthens' or
 * Shibboleth's unsolicited SSO), audited. Off by default: such an answer answers no request of
 * this browser, so it could sign a reader in as someone else; the institution decides.
 */
export async function setIdpInitiatedSignIn(actor: CurrentUser, input: z.infer<typeof idpInitiatedSchema>) {
  return db.$transaction(async (tx) => {
    const idp = await tx.institutionIdp.findUnique({
      where: { institutionId: input.institutionId },
      include: { institution: { select: { name: true } } },
    });
    if (!idp) throw new NotFoundError('This institution has no identity provider set.');
    if (idp.allowIdpInitiated === input.allow) return { ok: true, changed: false };
    const saved = await tx.institutionIdp.update({
      where: { id: idp.id },
      data: { allowIdpInitiated: input.allow },
    });
    await recordAudit(tx, actor, {
      action: 'institution.idp.idp_initiated',
      targetType: 'Institution',
      targetId: input.institutionId,
      summary: `${input.allow ? 'Allowed' : 'Stopped'} sign-ins started at the identity provider ${idp.entityId} of ${idp.institution.name}`,
      before: audited(idp),
      after: audited(saved),
    });
    return { ok: true, changed: true };
  });
}
