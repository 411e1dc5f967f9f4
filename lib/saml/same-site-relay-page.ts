import { escapeHtml } from '@/lib/escape-html';
import { SAML_PATHS } from './sp-settings';

/**
 * The IdP posts its answer from its own site, so the browser leaves out our SameSite=Lax cookies,
 * among them the one that says which browser started the sign-in. This page posts the same answer
 * again from our own site (at once with JavaScript; a button without), and that post carries them.
 */
export function sameSiteRelayPage(fields: { SAMLResponse: string; RelayState?: string }): Response {
  const inputs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value ?? '')}">`)
    .join('');
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing you in…</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body onload="document.forms[0].submit()" style="font-family: Georgia, serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Signing you in…</h1>
<form method="post" action="${SAML_PATHS.acs}">${inputs}
<p>Your institution has answered. <button type="submit">Continue to the journal</button></p></form>
</body></html>`;
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
