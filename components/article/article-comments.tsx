'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { commentsReplySchema, type CommentsReply } from '@/lib/comments/comments-reply';
import {
  COMMENT_MAX,
  COMMENT_NEAR_MAX,
  commentTooLongMessage,
  DISCLOSURE_MAX,
  formatCommentCount,
} from '@/lib/comments/comment-limits';
import { formatDate } from '@/lib/format-date';
import { errorMessageOf } from '@/lib/http/error-reply';

/**
 * The comments are rendered into the page (the shared page: approved ones; the per-reader page also
 * the reader's own pending ones), so they read without JavaScript; after a submission or a
 * withdrawal the list is asked for again (GET /api/comments, same schema), and on the shared page once
 * after load, since that page is cached.
 * Text is shown as text (React escapes it; markup was stripped on the way in).
 */
export function ArticleComments({ doi, initial }: { doi: string; initial: CommentsReply }) {
  const pathname = usePathname();
  const [state, setState] = useState<CommentsReply>(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [bodyLength, setBodyLength] = useState(0);
  const [countAnnouncement, setCountAnnouncement] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const isTooLong = bodyLength > COMMENT_MAX;

  // Screen readers hear the count only near or over the limit, and only once typing pauses
  // (not on every key); the visible counter itself is not a live region.
  useEffect(() => {
    const timer = setTimeout(
      () =>
        setCountAnnouncement(
          bodyLength > COMMENT_MAX
            ? `${formatCommentCount(bodyLength)}: ${bodyLength - COMMENT_MAX} over the limit.`
            : bodyLength >= COMMENT_NEAR_MAX
              ? formatCommentCount(bodyLength)
              : '',
        ),
      800,
    );
    return () => clearTimeout(timer);
  }, [bodyLength]);

  const load = useCallback(
    () =>
      fetch(`/api/comments?doi=${encodeURIComponent(doi)}`, { cache: 'no-store' })
        .then((res) => (res.ok ? res.json() : null))
        .then((body: unknown) => {
          const reply = commentsReplySchema.safeParse(body);
          if (reply.success) setState(reply.data);
        })
        .catch(() => {
          // Offline: the section keeps what it shows.
        }),
    [doi],
  );

  // The shared page is cached for minutes; with JavaScript a visitor also gets the list as it is now
  // (a comment approved a moment ago). The per-reader page is rendered fresh and needs no second look.
  useEffect(() => {
    if (!initial.isSignedIn) void load();
  }, [initial.isSignedIn, load]);

  async function send(path: string, init: RequestInit, okText: string) {
    setIsSending(true);
    try {
      const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json' } });
      const body: unknown = await res.json().catch(() => null);
      setMessage(
        res.ok
          ? { ok: true, text: okText }
          : { ok: false, text: errorMessageOf(body, 'Something went wrong. Please try again.') },
      );
      if (res.ok) await load();
      return res.ok;
    } catch {
      setMessage({ ok: false, text: 'Could not reach the server. Please try again.' });
      return false;
    } finally {
      setIsSending(false);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const raw = data.get('body');
    const text = typeof raw === 'string' ? raw : '';
    // Too long is refused whole with the reason (the server says the same): nothing is cut.
    if (text.length > COMMENT_MAX) {
      setMessage({ ok: false, text: commentTooLongMessage(text.length) });
      bodyRef.current?.focus();
      return;
    }
    const body = JSON.stringify({ doi, body: data.get('body'), disclosure: data.get('disclosure') });
    if (
      await send(
        '/api/comments',
        { method: 'POST', body },
        'Thank you. Your comment will appear once a moderator has approved it.',
      )
    ) {
      form.reset();
      setBodyLength(0);
    }
  }

  return (
    <section id="comments" className="box" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="box__title">
        Comments
      </h2>
      {state.comments.length === 0 && <p className="box__note">No comments yet.</p>}
      {state.comments.length > 0 && (
        <ul className="comments__list">
          {state.comments.map((c) => (
            <li key={c.id} className="comments__item">
              <p className="comments__meta">
                <strong>{c.author}</strong>, {formatDate(new Date(c.createdAt))}
                {c.isPending && <span className="comments__pending">Awaiting moderation</span>}
              </p>
              <p className="comments__body">{c.body}</p>
              <p className="comments__meta">Conflict of interest disclosure: {c.disclosure}</p>
              {c.isPending && (
                <button
                  type="button"
                  className="link-button"
                  disabled={isSending}
                  onClick={() =>
                    void send(`/api/comments/${c.id}`, { method: 'DELETE' }, 'Your comment was withdrawn.')
                  }
                >
                  Withdraw comment
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="box__title">Submit a Comment</h3>
      {message && (
        <p
          className={`form-message form-message--${message.ok ? 'ok' : 'error'}`}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      {state.isSignedIn ? (
        // The server's messages are clearer than the browser's own, so its validation is off.
        <form className="form comment-form" method="post" noValidate onSubmit={(e) => void onSubmit(e)}>
          <div className="form-field">
            <label htmlFor="comment-body">Comment</label>
            {/* No maxLength: a paste over the limit is kept whole and refused with a reason, never cut. */}
            <textarea
              ref={bodyRef}
              id="comment-body"
              name="body"
              rows={5}
              required
              minLength={10}
              aria-describedby="comment-body-hint comment-body-count"
              aria-invalid={isTooLong || undefined}
              onInput={(e) => setBodyLength(e.currentTarget.value.length)}
            />
            <p id="comment-body-hint" className="form-field__hint">
              Comments are published after moderation.
            </p>
            <p
              id="comment-body-count"
              className={`form-field__hint comment-form__count${isTooLong ? ' comment-form__count--over' : ''}`}
            >
              {formatCommentCount(bodyLength)}
              {isTooLong && ` (${(bodyLength - COMMENT_MAX).toLocaleString('en-US')} too many)`}
            </p>
            <p className="visually-hidden" aria-live="polite" data-testid="comment-count-announcement">
              {countAnnouncement}
            </p>
          </div>
          <div className="form-field">
            <label htmlFor="comment-disclosure">Conflict of interest disclosure</label>
            <input
              id="comment-disclosure"
              name="disclosure"
              required
              maxLength={DISCLOSURE_MAX}
              aria-describedby="comment-disclosure-hint"
            />
            <p id="comment-disclosure-hint" className="form-field__hint">
              Required. Write &quot;None&quot; if you have nothing to disclose.
            </p>
          </div>
          <button type="submit" className="button" disabled={isSending}>
            Submit comment
          </button>
        </form>
      ) : (
        <p className="box__note">
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`${pathname}#comments`)}`}>Sign in</Link> to comment on
          this article.
        </p>
      )}
    </section>
  );
}
