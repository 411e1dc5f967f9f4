// POST /saml/acs – the institution's signed answer (SAML HTTP-POST binding): verify, open an
// institution session, and go back to what the reader was reading. Posted from the IdP's site,
// so our server lets this one path through its cross-site check (scripts/lib/request-guard.mjs),
// and the answer is relayed once through our own page so that it comes with our cookies.
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { z } from 'zod';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';
import { completeSamlSignIn } from '@/lib/saml/complete-saml-sign-in';
import {
  cookieOptions,
  institutionSessionCookieName,
  signInBrowserCookieName,
} from '@/lib/saml/institution-session-cookie';
import { SamlRefusal } from '@/lib/saml/saml-refusal';
import { sameSiteRelayPage } from '@/lib/saml/same-site-relay-page';

const form = z.object({
  SAMLResponse: z
    .string()
    .min(1)
    .max(900_000)
    .regex(/^[A-Za-z0-9+/=\s]+$/),
  RelayState: z.string().max(200).optional(),
});

const TITLE = 'Sign-in through your institution did not work';

export const GET = () =>
  htmlMessage(405, TITLE, 'This address only takes the answer your institution sends after you sign in there.', {
    href: '/institution-access',
    label: 'Find your institution',
  });

export const POST = htmlRoute(async (request: Request) => {
  let fields: Record<string, unknown> = {};
  try {
    fields = Object.fromEntries(await request.formData());
  } catch {
    fields = {};
  }
  const parsed = form.safeParse(fields);
  if (!parsed.success)
    return htmlMessage(400, TITLE, 'The answer from your institution was missing or malformed. Please start again.', {
      href: '/institution-access',
      label: 'Find your institution',
    });
  if (request.headers.get('sec-fetch-site') === 'cross-site') return sameSiteRelayPage(parsed.data);
  try {
    const signIn = await completeSamlSignIn({
      samlResponse: parsed.data.SAMLResponse,
      relayState: parsed.data.RelayState ?? null,
      browserNonce: (await cookies()).get(signInBrowserCookieName())?.value ?? null,
    });
    const response = NextResponse.redirect(new URL(signIn.returnTo, env.SITE_URL), 303);
    response.headers.set('Cache-Control', 'no-store');
    response.cookies.set(
      institutionSessionCookieName(),
      signIn.token,
      cookieOptions((signIn.expiresAt.getTime() - Date.now()) / 1000),
    );
    return response;
  } catch (error) {
    if (error instanceof SamlRefusal)
      return htmlMessage(error.status, TITLE, error.message, {
        href: '/institution-access',
        label: 'Choose your institution again',
      });
    throw error;
  }
});
