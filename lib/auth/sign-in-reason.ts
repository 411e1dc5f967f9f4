import 'server-only';
import { db } from '@/lib/db';

const ASK = 'Sign in or create a free account';

/**
 * Why the reader is asked to sign in, read from where they will be sent back to (the same return
 * address the sign-in and register pages already carry), so every way in says it the same way.
 * Null when the return address says nothing worth telling (the account page, the home page).
 */
export async function describeSignInReason(returnTo: string): Promise<string | null> {
  const url = new URL(returnTo, 'http://site.invalid');
  const path = url.pathname;
  if (path === '/purchase') {
    const doi = url.searchParams.get('doi');
    const article = doi ? await db.article.findUnique({ where: { doi }, select: { title: true } }) : null;
    return article
      ? `${ASK} to buy 24-hour access to “${article.title}”.`
      : `${ASK} to buy 24-hour access to an article.`;
  }
  if (path === '/subscribe') return `${ASK} to subscribe: a subscription opens the full text of every article.`;
  if (path === '/activate') return `${ASK} to activate your society membership or subscriber number.`;
  if (path === '/cme/transcript') return 'Sign in to see your CME transcript and certificates.';
  if (path === '/cme/profile') return 'Sign in to edit your CME learner profile.';
  const activity = /^\/cme\/([^/]+)(?:\/|$)/.exec(path)?.[1];
  if (activity && activity !== 'states' && activity !== 'certificates') {
    const found = await db.cmeActivity.findUnique({ where: { id: activity }, select: { title: true } });
    return found
      ? `${ASK} to take the CME activity “${found.title}” and claim credit.`
      : `${ASK} to take CME activities and claim credit.`;
  }
  if (url.hash === '#comments') return `${ASK} to comment on this article.`;
  return null;
}
