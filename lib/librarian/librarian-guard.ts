import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { errorResponse } from '@/lib/http/error-response';
import { validatedAction, type ActionState } from '@/lib/http/action';
import { getLibrarian, type Librarian } from './require-librarian';

/** The signed-in librarian, or the 401/403 answer a route handler gives instead. */
export async function guardLibrarian(): Promise<Librarian | Response> {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Please sign in as your institution’s librarian.' }, { status: 401 });
  const librarian = await getLibrarian();
  if (!librarian) return NextResponse.json({ error: 'Only an institution’s librarians can do this.' }, { status: 403 });
  return librarian;
}

/**
 * A librarian route handler (downloads, API calls of the portal): 401/403 first, then `fn` with the
 * librarian, whose institution is the only one `fn` may read or change; errors answered in one place.
 */
export function librarianRoute(fn: (librarian: Librarian, request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const librarian = await guardLibrarian();
      if (librarian instanceof Response) return librarian;
      return await fn(librarian, request);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * A server action of the portal: validated as validatedAction, then only for a librarian, with the
 * institution taken from the session's own assignment (never from the form).
 */
export function librarianAction<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, librarian: Librarian, formData: FormData) => Promise<ActionState>,
) {
  return async (prev: ActionState, formData: FormData): Promise<ActionState> => {
    const librarian = await getLibrarian();
    if (!librarian)
      return { ok: false, message: 'Please sign in again as your institution’s librarian. Nothing was changed.' };
    return validatedAction(schema, (data, fd) => fn(data, librarian, fd))(prev, formData);
  };
}
