import 'server-only';
import { escapeHtml } from '@/lib/escape-html';

type Page = { status: number; title: string; message: string; form?: { action: string; button: string } };

/**
 * The unsubscribe confirm and done pages: self-contained HTML (they work in any browser a mail
 * client opens, with no script). The token is in the address, so the page sends no Referer and is
 * never indexed or cached.
 */
export function unsubscribePage({ status, title, message, form }: Page): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<style>body{font-family:Georgia,serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
button{font:inherit;min-height:44px;padding:.5rem 1.25rem;cursor:pointer}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
${
  form
    ? `<form method="post" action="${escapeHtml(form.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(form.button)}</button></form>`
    : ''
}
<p><a href="/account/alerts">All your alerts</a> (sign-in needed) · <a href="/">Home</a></p></main></body></html>`;
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  });
}
