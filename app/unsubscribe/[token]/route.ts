// GET  /unsubscribe/<token> – asks to confirm (mail scanners follow links: a GET changes nothing)
// POST /unsubscribe/<token> – unsubscribes at once: RFC 8058 one-click from a mail client, or the
//                             confirm page's button; no sign-in, the signed token is the authority.
import { findUnsubscribeTarget, unsubscribeByToken } from '@/lib/alerts/unsubscribe';
import { unsubscribePage } from '@/lib/alerts/unsubscribe-page';
import { htmlRoute } from '@/lib/http/html-route';

type Context = { params: Promise<{ token: string }> };

const notOurs = () =>
  unsubscribePage({
    status: 404,
    title: 'This link does not work',
    message:
      'This unsubscribe link is not valid (it may have been cut short by your email program). Sign in to change your alerts.',
  });

export const GET = htmlRoute(async (_request: Request, { params }: Context) => {
  const { token } = await params;
  const target = await findUnsubscribeTarget(token);
  if (!target) return notOurs();
  if (!target.isActive)
    return unsubscribePage({
      status: 200,
      title: 'Already unsubscribed',
      message: `You no longer get ${target.label}.`,
    });
  return unsubscribePage({
    status: 200,
    title: 'Unsubscribe?',
    message: `Stop ${target.label}? Nothing else changes.`,
    form: { action: `/unsubscribe/${encodeURIComponent(token)}`, button: 'Unsubscribe' },
  });
});

export const POST = htmlRoute(async (_request: Request, { params }: Context) => {
  const { token } = await params;
  const target = await unsubscribeByToken(token);
  if (!target) return notOurs();
  return unsubscribePage({ status: 200, title: 'Unsubscribed', message: `You will no longer get ${target.label}.` });
});
