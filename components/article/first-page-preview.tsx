'use client';

import { useRef } from 'react';

/**
 * "First Page Preview": a thumbnail of the PDF's first page; "View Large" opens it full size (its
 * image loads only then: lazy images in a closed dialog are not fetched).
 */
export function FirstPagePreview({
  src,
  thumbnailSrc,
  width,
  height,
  title,
}: {
  src: string;
  thumbnailSrc: string;
  width: number;
  height: number;
  title: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <section className="box first-page" aria-labelledby="first-page-heading">
      <h2 id="first-page-heading" className="box__title">
        First Page Preview
      </h2>
      <button type="button" className="first-page__thumb" onClick={() => dialog.current?.showModal()}>
        {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route, sized by the PDF */}
        <img
          src={thumbnailSrc}
          width={width}
          height={height}
          alt={`First page PDF preview of “${title}”`}
          loading="lazy"
        />
      </button>
      <button type="button" className="link-button" onClick={() => dialog.current?.showModal()}>
        View Large
      </button>
      {/* A native modal dialog: focus moves in, Escape closes it, focus returns to the button. */}
      <dialog ref={dialog} className="first-page__dialog" aria-label="First page PDF preview, full size">
        <form method="dialog">
          <button type="submit" className="first-page__close">
            Close
          </button>
        </form>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={src}
          width={width}
          height={height}
          alt={`First page PDF preview of “${title}”, full size`}
          loading="lazy"
        />
      </dialog>
    </section>
  );
}
