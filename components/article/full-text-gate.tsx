'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { GATED_CONTENT_CLASS } from '@/lib/articles/gated-content';

type FullText = { canRead: true; reason: string; until: string | null; fullTextHtml: string; referencesHtml: string };

/**
 * The page itself is the same for every visitor (cached); the full text is asked for separately
 * and the server answers with it only when the access decision allows. Until then, and for
 * everyone else, the access panel (children) stays.
 */
export function FullTextGate({ doi, children }: { doi: string; children: ReactNode }) {
  const [text, setText] = useState<FullText | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/articles/full-text?doi=${encodeURIComponent(doi)}`, { signal: controller.signal, credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<FullText | { canRead: false }>) : null))
      .then((body) => {
        if (body?.canRead) setText(body);
      })
      .catch(() => {
        // Offline or aborted: the reader keeps the preview and the access panel.
      });
    return () => controller.abort();
  }, [doi]);

  if (!text) return <>{children}</>;
  return <FullTextBody reason={text.reason} fullTextHtml={text.fullTextHtml} referencesHtml={text.referencesHtml} />;
}

export function FullTextBody(props: { reason: string | null; fullTextHtml: string; referencesHtml: string }) {
  return (
    <div className={GATED_CONTENT_CLASS}>
      {props.reason && (
        <p className="access-reason" role="status">
          {props.reason}
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
