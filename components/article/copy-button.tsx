'use client';

import { useState } from 'react';

/** Copies `text` to the clipboard and says so (to screen readers too). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <>
      <button type="button" className="button cite-box__copy" onClick={() => void copy()} aria-label={label}>
        Copy
      </button>
      <span role="status" className="cite-box__status">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select the text to copy it' : ''}
      </span>
    </>
  );
}
