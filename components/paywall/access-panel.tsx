import Link from 'next/link';

/** The seed page's access panel, shown where the full text would be for readers without access. */
export function AccessPanel({ doi, returnTo }: { doi: string; returnTo: string }) {
  const back = encodeURIComponent(returnTo);
  return (
    <section className="access-panel" aria-labelledby="access-heading">
      <h2 id="access-heading" className="access-panel__signin">
        <Link href={`/signin?callbackUrl=${back}`}>Sign In to Access Full Content</Link>
      </h2>
      <p className="access-panel__institution">
        <Link href={`/institution-access?returnTo=${back}`}>Access through your institution</Link>
      </p>
      <h3 className="access-panel__subhead">Don&apos;t have Access?</h3>
      <ul className="access-panel__options">
        <li>
          <Link href={`/register?callbackUrl=${back}`}>Register</Link> and get free email Table of Contents alerts,
          saved searches, PowerPoint downloads, CME quizzes, and more
        </li>
        <li>
          <Link href={`/subscribe?callbackUrl=${back}`}>Subscribe</Link> for full-text access to content from 1998
          forward and a host of useful features
        </li>
        <li>
          <Link href={`/activate?callbackUrl=${back}`}>Activate your current subscription</Link> (AMA members and
          current subscribers)
        </li>
        <li>
          <Link href={`/purchase?doi=${encodeURIComponent(doi)}`}>
            Purchase Online Access to this article for 24 hours
          </Link>
        </li>
      </ul>
    </section>
  );
}
