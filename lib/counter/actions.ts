'use server';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { librarianAction } from '@/lib/librarian/librarian-guard';
import { recordPortalAudit } from '@/lib/librarian/record-portal-audit';
import { createCounterCredential, revokeCounterCredential } from './counter-credentials';

const PAGE = '/librarian/counter-api';

/** Issues COUNTER API credentials for the librarian's institution; the key is in the answer, once. */
export const createCounterCredentialAction = librarianAction(
  z.object({ label: z.string().trim().min(2, 'Give the harvester a name (2 characters or more).').max(80) }),
  async ({ label }, librarian) => {
    const credential = await createCounterCredential({
      institutionId: librarian.institution.id,
      label,
      createdById: librarian.user.id,
      audit: (tx, entry) => recordPortalAudit(tx, librarian, entry),
    });
    revalidatePath(PAGE);
    return {
      ok: true,
      message: `Issued. customer_id ${credential.customerId} · requestor_id ${credential.requestorId} · api_key ${credential.apiKey} — copy the key now: it is not shown again.`,
    };
  },
);

export const revokeCounterCredentialAction = librarianAction(
  z.object({ id: z.string().min(1).max(64) }),
  async ({ id }, librarian) => {
    const isRevoked = await revokeCounterCredential(librarian.institution.id, id, (tx, entry) =>
      recordPortalAudit(tx, librarian, entry),
    );
    revalidatePath(PAGE);
    return isRevoked
      ? { ok: true, message: 'Revoked: requests with this key are refused from now on.' }
      : { ok: false, message: 'No such active credentials for your institution. Nothing was changed.' };
  },
);
