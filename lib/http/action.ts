import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { ZodError, type z } from 'zod';
import { asClientError } from '@/lib/errors/as-client-error';
import { plainIssue } from '@/lib/errors/plain-zod-issues';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';

/**
 * What a form's server action answers; the form shows `message`, the field errors (each named by
 * its field's label: components/ui/action-form.tsx) and any `details` (an import's warnings, the
 * rows it refused) under the message.
 */
export type ActionState = { ok: boolean; message: string; fieldErrors?: Record<string, string>; details?: string[] };

export const initialActionState: ActionState = { ok: false, message: '' };

/** A text area's list as forms send it: one entry per line (or comma), blanks left out. */
export const listOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of error.issues.map(plainIssue)) {
    out[path.map(String).join('.') || 'form'] ??= message;
  }
  return out;
}

/** Bad input changes nothing: the problems, each at its field. */
function refusalOf(error: ZodError): ActionState {
  const fieldErrors = fieldErrorsOf(error);
  const count = Object.keys(fieldErrors).length;
  return {
    ok: false,
    message: count === 1 ? 'Please correct this field.' : 'Please correct these fields.',
    fieldErrors,
  };
}

/** The form's fields as the schema reads them: text as sent (files and lists need a reader of their own). */
const plainFields = (formData: FormData): unknown => Object.fromEntries(formData);

async function runSafely(fn: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await fn();
  } catch (error) {
    // redirect() and notFound() work by throwing: let them through.
    unstable_rethrow(error);
    if (error instanceof ZodError) return refusalOf(error);
    const clientError = asClientError(error);
    if (clientError) return { ok: false, message: clientError.message };
    console.error(error);
    return { ok: false, message: 'Something went wrong on our side. Nothing was changed; please try again.' };
  }
}

/**
 * A server action that validates its form with `schema` first: bad input answers with the
 * problems and changes nothing. Server actions are public endpoints, so every rule lives here
 * or in `fn`, never only in the form. `readForm` turns the form into what the schema reads
 * (checkboxes, lists, files); it may throw a ValidationError for a form it cannot read.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, formData: FormData) => Promise<ActionState>,
  readForm: (formData: FormData) => unknown = plainFields,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    // A hand-made call can pass anything as the arguments; only our forms' FormData is read.
    if (!(formData instanceof FormData))
      return { ok: false, message: 'The form could not be read. Please reload the page and try again.' };
    return runSafely(async () => {
      const parsed = schema.safeParse(await readForm(formData));
      if (!parsed.success) return refusalOf(parsed.error);
      return fn(parsed.data, formData);
    });
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
