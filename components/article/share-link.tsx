'use client';

import { useState } from 'react';

/** Copies the article's address; email as a fallback that needs no permissions. */
export function ShareLink({ path, title }: { path: string; title: string }) {
  const [status, setStatus] = useState('');

  function copy() {
    const url = new URL(path, window.location.origin).toString();
    navigator.clipboard
      .writeText(url)
      .then(() => setStatus('Link copied.'))
      .catch(() => setStatus(`Copy this link: ${url}`));
  }

  return (
    <p className="article-tools__share">
      <button type="button" className="link-button" onClick={copy}>
        Copy link to this article
      </button>{' '}
      · <a href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(path)}`}>Email link</a>
      <span role="status" className="box__note">
        {status && ` ${status}`}
      </span>
    </p>
  );
}
