import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { asClientError } from '@/lib/errors/as-client-error';
import { plainIssue } from '@/lib/errors/plain-zod-issues';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';

/** What a form's server action answers; the form shows `message` and the field errors. */
export type ActionState = { ok: boolean; message: string; fieldErrors?: Record<string, string> };

export const initialActionState: ActionState = { ok: false, message: '' };

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of error.issues.map(plainIssue)) {
    out[path.map(String).join('.') || 'form'] ??= message;
  }
  return out;
}

async function runSafely(fn: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await fn();
  } catch (error) {
    // redirect() and notFound() work by throwing: let them through.
    unstable_rethrow(error);
    const clientError = asClientError(error);
    if (clientError) return { ok: false, message: clientError.message };
    console.error(error);
    return { ok: false, message: 'Something went wrong on our side. Nothing was changed; please try again.' };
  }
}

/**
 * A server action that validates its form with `schema` first: bad input answers with the
 * problems and changes nothing. Server actions are public endpoints, so every rule lives here
 * or in `fn`, never only in the form.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, formData: FormData) => Promise<ActionState>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    // A hand-made call can pass anything as the arguments; only our forms' FormData is read.
    if (!(formData instanceof FormData))
      return { ok: false, message: 'The form could not be read. Please reload the page and try again.' };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors };
    }
    return runSafely(() => fn(parsed.data, formData));
  };
}

/** As validatedAction, for signed-in users only. */
export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, user: CurrentUser, formData: FormData) => Promise<ActionState>,
) {
  return async (prev: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: 'Please sign in again: your session has ended.' };
    return validatedAction(schema, (data, fd) => fn(data, user, fd))(prev, formData);
  };
}
