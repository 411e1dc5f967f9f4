// GET /saml/login?institution=…&returnTo=… – send the reader to their institution's sign-in page.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { AppError } from '@/lib/errors/app-error';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';
import { cookies } from 'next/headers';
import { REQUEST_LIFETIME_MS } from '@/lib/saml/saml-client';
import { cookieOptions, LAST_INSTITUTION_COOKIE, signInBrowserCookieName } from '@/lib/saml/institution-session-cookie';
import { startSamlSignIn } from '@/lib/saml/start-saml-sign-in';

const query = z.object({ institution: z.string().trim().min(1).max(40), returnTo: z.string().max(500).optional() });

export const GET = htmlRoute(async (request: Request) => {
  const url = new URL(request.url);
  const parsed = query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success)
    return htmlMessage(400, 'Choose your institution', 'Choose your institution from the list to sign in through it.', {
      href: '/institution-access',
      label: 'Find your institution',
    });
  const returnTo = safeReturnTo(parsed.data.returnTo, '/');
  try {
    const { redirectUrl, browserNonce } = await startSamlSignIn({
      institutionId: parsed.data.institution,
      returnTo,
      browserNonce: (await cookies()).get(signInBrowserCookieName())?.value ?? null,
    });
    const response = NextResponse.redirect(redirectUrl, 302);
    response.headers.set('Cache-Control', 'no-store');
    // Only this browser may bring the answer back (checked at /saml/acs).
    response.cookies.set(signInBrowserCookieName(), browserNonce, cookieOptions(REQUEST_LIFETIME_MS / 1000));
    // Remembered for the discovery list ("your last choice"); it grants nothing.
    response.cookies.set(LAST_INSTITUTION_COOKIE, parsed.data.institution, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 365 * 24 * 3600,
    });
    return response;
  } catch (error) {
    if (error instanceof AppError)
      return htmlMessage(error.status, 'Institution sign-in is not available', error.message, {
        href: `/institution-access?returnTo=${encodeURIComponent(returnTo)}`,
        label: 'Choose another institution',
      });
    throw error;
  }
});
