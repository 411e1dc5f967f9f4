import type { ReactNode } from 'react';
import { AccessPanel } from '@/components/paywall/access-panel';
import type { ArticleText } from '@/lib/articles/article-reader-parts';
import { GATED_CONTENT_CLASS } from '@/lib/articles/gated-content';
import { PurchaseCountdown, TimedAccess } from './access-countdown';

/**
 * Where the full text goes: the text, when the server's access decision gave it to this page
 * (lib/articles/load-article-reader-parts), else the access panel. Decided before rendering, so
 * neither JavaScript nor a second request is needed, and a reader is never shown the wrong one first.
 */
export function FullText({ text, doi, returnTo }: { text: ArticleText | null; doi: string; returnTo: string }) {
  const panel = <AccessPanel doi={doi} returnTo={returnTo} />;
  if (!text) return panel;
  if (text.source !== 'purchase' || !text.until)
    return <FullTextBody reason={text.reason} fullTextHtml={text.fullTextHtml} />;
  return (
    <TimedAccess panel={panel}>
      <FullTextBody reason={text.reason} fullTextHtml={text.fullTextHtml}>
        <PurchaseCountdown until={text.until} />
      </FullTextBody>
    </TimedAccess>
  );
}

function FullTextBody(props: { reason: string | null; fullTextHtml: string; children?: ReactNode }) {
  return (
    <div className={GATED_CONTENT_CLASS}>
      {props.reason && (
        <p className="access-reason" role="status">
          {props.reason}
          {props.children}
        </p>
      )}
      {/* Sanitized when imported (lib/articles/jats). */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: props.fullTextHtml }} />
    </div>
  );
}

/** The reference list, shown to every reader (lib/articles/get-article-page says why). */
export function References({ html }: { html: string }) {
  if (!html) return null;
  return (
    <section className="references" aria-labelledby="references-heading">
      <h2 id="references-heading">References</h2>
      {/* Sanitized when imported (lib/articles/jats). */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
