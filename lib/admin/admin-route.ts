import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { errorResponse } from '@/lib/http/error-response';

/** Our admin operations take the acting admin first, then the validated input. */
type Handler<S extends z.ZodType> = (admin: CurrentUser, input: z.infer<S>) => Promise<unknown>;

/** Largest JSON body an admin route reads (CSV and JATS uploads have their own limits). */
export const MAX_ADMIN_BODY_BYTES = 2 * 1024 * 1024;

/**
 * An admin route handler: 401 for anonymous callers, 403 for non-admins, 413 for oversized
 * bodies, 422 with the problems for invalid input, then `fn`. The role is read from the
 * database on every call, never from the request.
 */
/** The signed-in admin, or the 401/403 answer to give instead. */
export async function guardAdmin(): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Please sign in as an administrator.' }, { status: 401 });
  if (user.role !== 'admin') return NextResponse.json({ error: 'Only administrators can do this.' }, { status: 403 });
  return user;
}

export function adminRoute<S extends z.ZodType>(
  schema: S,
  fn: Handler<S>,
  { maxBodyBytes = MAX_ADMIN_BODY_BYTES }: { maxBodyBytes?: number } = {},
) {
  return async (request: Request): Promise<Response> => {
    try {
      const user = await guardAdmin();
      if (user instanceof Response) return user;
      const text = await request.text();
      if (text.length > maxBodyBytes) {
        return NextResponse.json(
          {
            error: `The upload is too large (over ${Math.round(maxBodyBytes / 1024 / 1024)} MB). Nothing was changed.`,
          },
          { status: 413 },
        );
      }
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return NextResponse.json({ error: 'The request was not valid JSON. Nothing was changed.' }, { status: 400 });
      }
      const input = schema.parse(body);
      const result = await fn(user, input);
      return NextResponse.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
