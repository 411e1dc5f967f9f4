'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const RESET = ZOOMS.indexOf(1);
const BUTTON_CLASS = 'view-large__open';

/** "Table 1", "Figure 2": the figure's label (its caption's first bold run), else its kind. */
function labelOf(figure: HTMLElement): string {
  const label = figure.querySelector('figcaption strong')?.textContent?.trim();
  if (label) return label.length > 60 ? `${label.slice(0, 57)}…` : label;
  return figure.classList.contains('table') ? 'Table' : 'Figure';
}

/** A copy to show in the dialog: no second "View Large" button, no duplicate ids. */
function copyOf(figure: HTMLElement): HTMLElement {
  const copy = figure.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(`.${BUTTON_CLASS}`).forEach((button) => button.remove());
  for (const el of [copy, ...copy.querySelectorAll<HTMLElement>('[id]')]) el.removeAttribute('id');
  return copy;
}

/**
 * "View Large" for every figure and table of the article text (`.article-body figure`), including
 * text that arrives after load (the gated full text). Without JavaScript the figures simply stay in
 * place; with it, each gets a button that opens a modal dialog with zoom in, out and reset
 * (buttons, or + − 0 keys). Escape closes it and focus goes back to the button.
 */
export function ViewLarge() {
  const dialog = useRef<HTMLDialogElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const [zoom, setZoom] = useState(RESET);
  const [label, setLabel] = useState('');

  useEffect(() => {
    const open = (figure: HTMLElement, button: HTMLButtonElement) => {
      opener.current = button;
      stage.current?.replaceChildren(copyOf(figure));
      setLabel(labelOf(figure));
      setZoom(RESET);
      dialog.current?.showModal();
    };
    const enhance = () => {
      for (const figure of document.querySelectorAll<HTMLElement>('.article-body figure')) {
        if (figure.querySelector(`:scope > .${BUTTON_CLASS}`) || figure.closest('dialog')) continue;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `${BUTTON_CLASS} link-button`;
        button.textContent = 'View Large';
        button.setAttribute('aria-label', `View Large: ${labelOf(figure)}`);
        button.addEventListener('click', () => open(figure, button));
        const caption = figure.querySelector(':scope > figcaption');
        if (caption) caption.after(button);
        else figure.prepend(button);
      }
    };
    enhance();
    // The full text of a gated article is fetched after load; its figures get buttons as they arrive.
    const observer = new MutationObserver(enhance);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      document.querySelectorAll(`.${BUTTON_CLASS}`).forEach((button) => button.remove());
    };
  }, []);

  const zoomBy = (step: number) => setZoom((z) => Math.min(ZOOMS.length - 1, Math.max(0, z + step)));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-') zoomBy(-1);
    else if (event.key === '0') setZoom(RESET);
    else return;
    event.preventDefault();
  };
  const percent = `${Math.round((ZOOMS[zoom] ?? 1) * 100)}%`;

  return (
    <dialog
      ref={dialog}
      className="view-large"
      aria-label={`${label || 'Figure'}, View Large`}
      onKeyDown={onKeyDown}
      onClose={() => opener.current?.focus()}
    >
      <div className="view-large__bar" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(-1)} disabled={zoom === 0}>
          Zoom out
        </button>
        <button type="button" onClick={() => setZoom(RESET)} aria-label={`Reset zoom (now ${percent})`}>
          {percent}
        </button>
        <button type="button" onClick={() => zoomBy(1)} disabled={zoom === ZOOMS.length - 1}>
          Zoom in
        </button>
        <form method="dialog" className="view-large__close">
          <button type="submit">Close</button>
        </form>
      </div>
      <div className="view-large__viewport">
        <div ref={stage} className="view-large__stage article-body" style={{ zoom: ZOOMS[zoom] }} />
      </div>
    </dialog>
  );
}
