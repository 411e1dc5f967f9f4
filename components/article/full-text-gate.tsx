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
 * and the server answers with it only when the access decision allows. Everyone else gets the
 * access panel (children). While the answer is on its way the reader is told so: a subscriber
 * must not be shown "Sign In to Access Full Content" first. Without JavaScript, the panel.
 */
export function FullTextGate({ doi, children }: { doi: string; children: ReactNode }) {
  const [text, setText] = useState<FullText | 'checking' | 'denied'>('checking');

  const load = useCallback(
    (signal?: AbortSignal) =>
      fetch(`/api/articles/full-text?doi=${encodeURIComponent(doi)}`, {
        signal,
        credentials: 'same-origin',
        cache: 'no-store',
      })
        .then((res) => (res.ok ? (res.json() as Promise<FullText | { canRead: false }>) : null))
        .then((body) => setText(body?.canRead ? body : 'denied'))
        .catch((error: unknown) => {
          // Offline: the reader keeps the preview and gets the access panel (an abort is an unmount).
          if (!(error instanceof DOMException && error.name === 'AbortError')) setText('denied');
        }),
    [doi],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (text === 'checking') {
    return (
      <>
        <p className="access-reason" role="status" aria-busy="true">
          Checking your access to the full text…
        </p>
        <noscript>{children}</noscript>
      </>
    );
  }
  if (text === 'denied') return <>{children}</>;
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
