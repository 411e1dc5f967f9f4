import 'server-only';
import { revalidatePath } from 'next/cache';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { ValidationError } from '@/lib/errors/app-error';
import { listOf, validatedAction, type ActionState } from '@/lib/http/action';

/** The signed-in admin, or the 401/403 answer a route handler (the console's downloads) gives instead. */
export async function guardAdmin(): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Please sign in as an administrator.' }, { status: 401 });
  if (user.role !== 'admin') return NextResponse.json({ error: 'Only administrators can do this.' }, { status: 403 });
  return user;
}

/** How an admin form sends what its schema reads as other than text. */
type FormShape = {
  /** Checkboxes: sent as "on" when ticked, absent when not. */
  checkboxes?: string[];
  /** Lists: one entry per line (or comma) of a text area. */
  lists?: string[];
  /** Reads what plain fields cannot carry (an uploaded file) into the input. */
  read?: (formData: FormData) => Promise<Record<string, unknown>>;
};

type AdminActionOptions<R> = FormShape & {
  /** What the admin is told once it is done (default "Saved."). */
  describe?: (result: R) => Pick<ActionState, 'message' | 'details'>;
};

/** The form as its schema reads it; anything else (a hand-made value) is left for the schema to refuse. */
async function readAdminForm(formData: FormData, { checkboxes = [], lists = [], read }: FormShape) {
  const input: Record<string, unknown> = {};
  for (const [name, value] of formData) if (typeof value === 'string') input[name] = value;
  for (const name of checkboxes) {
    const value = input[name];
    if (value === undefined || value === 'on') input[name] = value === 'on';
  }
  for (const name of lists) if (typeof input[name] === 'string') input[name] = listOf(input[name]);
  return { ...input, ...(await read?.(formData)) };
}

/**
 * One admin operation as a server action (a public endpoint, whatever page shows its form): the
 * caller must be an admin, read from the database on every call, never from the form; the form is
 * read with `shape` and validated with the operation's own schema, then `fn` runs (it audits) and
 * the admin console's pages show what changed.
 */
export function adminAction<S extends z.ZodType, R>(
  schema: S,
  fn: (admin: CurrentUser, input: z.infer<S>) => Promise<R>,
  { describe = () => ({ message: 'Saved.' }), ...shape }: AdminActionOptions<R> = {},
) {
  return async (prev: ActionState, formData: FormData): Promise<ActionState> => {
    const admin = await getCurrentUser();
    if (!admin) return { ok: false, message: 'Please sign in as an administrator. Nothing was changed.' };
    if (admin.role !== 'admin') return { ok: false, message: 'Only administrators can do this. Nothing was changed.' };
    const run = validatedAction(
      schema,
      async (input) => {
        const result = await fn(admin, input);
        // Every console page may show it: the audit log lists each change, the user page each access.
        revalidatePath('/admin', 'layout');
        return { ok: true, ...describe(result) };
      },
      (fd) => readAdminForm(fd, shape),
    );
    return run(prev, formData);
  };
}

/**
 * The file chosen in field `name`, refused (as that field's problem) when none was chosen or it
 * is larger than `maxBytes`: the form checks the size first, but a server action is public.
 */
export function uploadedFile(formData: FormData, name: string, maxBytes: number, tooLarge: string): File {
  const file = formData.get(name);
  if (!(file instanceof File) || (file.size === 0 && !file.name)) throw new ValidationError('Choose a file to upload.');
  if (file.size > maxBytes) throw new ValidationError(`${tooLarge} Nothing was changed.`);
  return file;
}
