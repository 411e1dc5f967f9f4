'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { addRangesFromPaste, previewRangePaste, removeOwnRange } from './institution-ranges';
import { librarianAction } from './librarian-guard';
import { getLibrarian } from './require-librarian';
import { viewPreview, type PreviewLineView } from './range-preview-view';

export type RangePasteState = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string>;
  /** What was pasted, given back so a refused paste can be corrected (empty after a save). */
  text?: string;
  preview?: PreviewLineView[];
  /** Counts each answer, so the form knows to reset its text after a save. */
  round?: number;
};

const pasteSchema = z.object({
  intent: z.enum(['preview', 'save']).default('preview'),
  // 1,000 lines of the longest IPv6 range fit well within this.
  ranges: z.string().max(100_000, 'Paste at most 100,000 characters at a time.'),
});

const pasteRanges = librarianAction(pasteSchema, async ({ intent, ranges }, librarian) => {
  if (intent === 'preview') {
    const preview = await previewRangePaste(librarian.institution.id, ranges);
    if (!preview.lines.length) return { ok: false, message: 'Paste at least one address or range.', text: ranges };
    const n = preview.toAdd.length;
    const message = preview.problems.length
      ? `${preview.problems.length} of ${preview.lines.length} lines could not be read; saving would change nothing until they are corrected.`
      : `Preview: saving adds ${n} ${n === 1 ? 'range' : 'ranges'}. Nothing has been saved yet.`;
    return { ok: preview.problems.length === 0, message, text: ranges, preview: viewPreview(preview) };
  }
  const outcome = await addRangesFromPaste(librarian, ranges);
  if (outcome.saved) revalidatePath('/librarian', 'layout');
  return {
    ok: outcome.saved,
    message: outcome.message,
    text: outcome.saved ? '' : ranges,
    preview: viewPreview(outcome.preview),
  };
});

/** Previews or saves a pasted list of ranges for the librarian's own institution (the session's, never the form's). */
export async function pasteRangesAction(prev: RangePasteState, formData: FormData): Promise<RangePasteState> {
  // Every answer of pasteRanges is a RangePasteState (librarianAction's own refusals carry no preview).
  return { ...(await pasteRanges(prev, formData)), round: (prev.round ?? 0) + 1 };
}

const removeSchema = z.object({ rangeId: z.string().min(1).max(40) });

/** Removes one of the institution's ranges: a plain form post (works without JavaScript), answered on the page. */
export async function removeRangeAction(formData: FormData): Promise<void> {
  const librarian = await getLibrarian();
  if (!librarian) redirect('/signin?callbackUrl=%2Flibrarian%2Fip-ranges');
  const parsed = removeSchema.safeParse(Object.fromEntries(formData));
  const { removed } = parsed.success ? await removeOwnRange(librarian, parsed.data.rangeId) : { removed: null };
  revalidatePath('/librarian', 'layout');
  redirect(removed ? `/librarian/ip-ranges?removed=${encodeURIComponent(removed)}` : '/librarian/ip-ranges?removed=');
}
