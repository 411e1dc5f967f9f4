import type { ReactNode } from 'react';

/** A footer page (About, Privacy…): its text is sample text for the demo journal, and says so. */
export function SamplePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <p className="notice">
        Sample text: this page shows where the journal&apos;s own {title.toLowerCase()} text goes. It is not a legal
        document.
      </p>
      {children}
    </div>
  );
}
