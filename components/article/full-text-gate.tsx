'use client';

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { GATED_CONTENT_CLASS } from '@/lib/articles/gated-content';
import { AccessCountdown } from './access-countdown';

type FullText = {
  canRead: true;
  source: string;
  reason: string;
  until: string | null;
  fullTextHtml: string;
  referencesHtml: string;
};

/**
 * The page itself is the same for every visitor (cached); the full text is asked for separately
 * and the server answers with it only when the access decision allows. Until then, and for
 * everyone else, the access panel (children) stays.
 */
export function FullTextGate({ doi, children }: { doi: string; children: ReactNode }) {
  const [text, setText] = useState<FullText | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      fetch(`/api/articles/full-text?doi=${encodeURIComponent(doi)}`, {
        signal,
        credentials: 'same-origin',
        cache: 'no-store',
      })
        .then((res) => (res.ok ? (res.json() as Promise<FullText | { canRead: false }>) : null))
        .then((body) => setText(body?.canRead ? body : null))
        .catch(() => {
          // Offline or aborted: the reader keeps the preview and the access panel.
        }),
    [doi],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (!text) return <>{children}</>;
  return (
    <FullTextBody reason={text.reason} fullTextHtml={text.fullTextHtml} referencesHtml={text.referencesHtml}>
      {text.source === 'purchase' && text.until && <AccessCountdown until={text.until} onEnd={() => void load()} />}
    </FullTextBody>
  );
}

export function FullTextBody(props: {
  reason: string | null;
  fullTextHtml: string;
  referencesHtml: string;
  children?: ReactNode;
}) {
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
      {props.referencesHtml && (
        <section className="references" aria-labelledby="references-heading">
          <h2 id="references-heading">References</h2>
          <div dangerouslySetInnerHTML={{ __html: props.referencesHtml }} />
        </section>
      )}
    </div>
  );
}
