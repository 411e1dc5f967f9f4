'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import {
  readerToolsReplySchema,
  type ReaderTools as Tools,
  type ReaderToolsReply,
} from '@/lib/related/reader-tools-reply';
import { errorMessageOf } from '@/lib/http/error-reply';

const SWITCHES: { tool: keyof Tools; label: string }[] = [
  { tool: 'isSaved', label: 'Save to my reading list' },
  { tool: 'commentAlert', label: 'Alert me by email about new comments on this article' },
  { tool: 'issueAlert', label: 'Alert me by email when a new issue of this journal is published' },
];

/**
 * Save and email alerts for account holders: the page renders the reader's switches (the shared
 * page: the sign-in note); JavaScript makes them change things.
 */
export function ReaderTools({ doi, initial }: { doi: string; initial: ReaderToolsReply }) {
  const pathname = usePathname();
  const [answer, setAnswer] = useState<ReaderToolsReply>(initial);
  const [error, setError] = useState('');

  /** Sets one switch; a quick second click on another switch is never undone by this answer. */
  const setTool = (tool: keyof Tools, on: boolean) =>
    setAnswer((prev) => (prev.tools ? { ...prev, tools: { ...prev.tools, [tool]: on } } : prev));

  async function change(tool: keyof Tools, on: boolean) {
    setError('');
    setTool(tool, on); // shown at once; put back if the server says no
    try {
      const res = await fetch('/api/reader-tools', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ doi, tool, on }),
      });
      const body: unknown = await res.json().catch(() => null);
      const reply = readerToolsReplySchema.safeParse(body);
      if (res.ok && reply.success) return setTool(tool, reply.data.tools?.[tool] ?? on);
      setError(errorMessageOf(body, 'That did not work. Please try again.'));
    } catch {
      setError('Could not reach the server. Please try again.');
    }
    setTool(tool, !on);
  }

  if (!answer.isSignedIn || !answer.tools) {
    return (
      <p className="box__note">
        <Link href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`}>Sign in</Link> to save this article and set
        email alerts.
      </p>
    );
  }
  const tools = answer.tools;
  return (
    <fieldset className="reader-tools">
      <legend className="visually-hidden">Reading list and alerts</legend>
      {SWITCHES.map(({ tool, label }) => (
        <label key={tool}>
          <input type="checkbox" checked={tools[tool]} onChange={(e) => void change(tool, e.target.checked)} />
          {label}
        </label>
      ))}
      <Link href="/account/reading-list">My reading list</Link>
      <Link href="/account/alerts">My alerts</Link>
      {error && (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
