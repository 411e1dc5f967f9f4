'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import type { BoxId } from '@/lib/related/box-order';

type Props = { id: BoxId; title: string; isCollapsed: boolean; onToggle: () => void; children: ReactNode };

/** One Related Content box: a drag handle (mouse, touch or keyboard), a collapse toggle and the content. */
export function SortableBox({ id, title, isCollapsed, onToggle, children }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
  });
  const headingId = `related-box-${id}-heading`;
  const bodyId = `related-box-${id}-body`;
  return (
    <section
      ref={setNodeRef}
      className={`box related-box${isDragging ? ' related-box--dragging' : ''}`}
      data-box={id}
      aria-labelledby={headingId}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="related-box__bar">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="related-box__handle"
          aria-label={`Move box: ${title}`}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <h3 id={headingId} className="box__title related-box__title">
          {title}
        </h3>
        <button
          type="button"
          className="related-box__toggle"
          aria-expanded={!isCollapsed}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          {/* Both words are rendered; related.css shows the one that fits <html data-related-hidden>,
              so a box hidden before a reload already reads "Show" before the page hydrates. */}
          <span className="related-box__when-open">Hide</span>
          <span className="related-box__when-hidden">Show</span>
          <span className="visually-hidden"> {title}</span>
        </button>
      </div>
      <div id={bodyId} className="related-box__body" hidden={isCollapsed}>
        {children}
      </div>
    </section>
  );
}
