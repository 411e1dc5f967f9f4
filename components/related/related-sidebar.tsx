'use client';

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useLayoutEffect, useState, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import { DEFAULT_LAYOUT, formatBoxOrderCookie, moveBox, type BoxId, type SidebarLayout } from '@/lib/related/box-order';
import { readBoxLayout, subscribeBoxLayout, writeBoxLayout } from './box-order-store';
import { oneSlotKeyboardCoordinates } from './one-slot-keyboard-coordinates';
import { SortableBox } from './sortable-box';

export type SidebarBox = { id: BoxId; title: string; content: ReactNode };

const subscribeNothing = () => () => {};

/** The CSS `order` variables for the boxes' container, as /related-order.js sets them on <html>. */
function orderStyle(order: readonly BoxId[]): CSSProperties {
  return Object.fromEntries(order.map((id, i) => [`--related-order-${id}`, String(i)]));
}

const screenReaderInstructions = {
  draggable:
    'To move a box, press space or enter. Use the up and down arrow keys to move it, space or enter to drop it, escape to cancel.',
};

/**
 * The Related Content boxes in the reader's order, with the boxes they hid still hidden.
 * On the shared page (`initialLayout` null) the server renders the default DOM order, all open,
 * and /related-order.js has already painted this browser's saved layout (CSS `order`,
 * data-related-hidden); on hydration the DOM follows too, so focus order matches what is seen.
 * On the per-reader page the server renders the reader's layout itself (DOM order, CSS order and
 * hidden boxes), so it holds without JavaScript; a signed-in reader's layout kept on the account
 * (`accountLayout`) is written to this browser's cookie when they differ.
 */
export function RelatedSidebar({
  boxes,
  initialLayout,
  accountLayout,
  isSignedIn,
}: {
  boxes: SidebarBox[];
  initialLayout: SidebarLayout | null;
  accountLayout: SidebarLayout | null;
  isSignedIn: boolean;
}) {
  const layout = useSyncExternalStore(subscribeBoxLayout, readBoxLayout, () => initialLayout ?? DEFAULT_LAYOUT);
  const { order } = layout;
  const collapsed = new Set(layout.hidden);
  const [saveError, setSaveError] = useState('');
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: oneSlotKeyboardCoordinates }),
  );
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const titleOf = (id: unknown) => byId.get(id as BoxId)?.title ?? 'box';
  const positionOf = (id: unknown) => order.indexOf(id as BoxId) + 1;

  // Marks the boxes once they can be dragged (the e2e suite waits for it before dragging).
  const isHydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );

  // Before paint: this browser takes the layout kept on the reader's account.
  useLayoutEffect(() => {
    if (accountLayout && formatBoxOrderCookie(accountLayout) !== formatBoxOrderCookie(readBoxLayout()))
      writeBoxLayout(accountLayout);
  }, [accountLayout]);

  function saveLayout(next: SidebarLayout) {
    writeBoxLayout(next);
    setSaveError('');
    if (!isSignedIn) return;
    fetch('/api/sidebar-layout', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(next),
    })
      .then((res) =>
        setSaveError(res.ok ? '' : 'Your layout is kept in this browser but could not be saved to your account.'),
      )
      .catch(() => setSaveError('Your layout is kept in this browser but could not be saved to your account.'));
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (over && active.id !== over.id)
      saveLayout({ ...layout, order: moveBox(order, active.id as BoxId, over.id as BoxId) });
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${titleOf(active.id)}. It is in position ${positionOf(active.id)} of ${order.length}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${titleOf(active.id)} moved to position ${positionOf(over.id)} of ${order.length}.`
        : `${titleOf(active.id)} is no longer over a position.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${titleOf(active.id)} dropped at position ${positionOf(over.id)} of ${order.length}.`
        : `${titleOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };

  function toggle(id: BoxId) {
    const hidden = collapsed.has(id) ? layout.hidden.filter((h) => h !== id) : [...layout.hidden, id];
    saveLayout({ ...layout, hidden });
  }

  return (
    <>
      <DndContext
        id="related-boxes"
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions }}
      >
        <SortableContext items={[...order]} strategy={verticalListSortingStrategy}>
          <div
            className="related__boxes"
            style={initialLayout ? orderStyle(order) : undefined}
            data-related-hidden={initialLayout ? layout.hidden.join(' ') : undefined}
            data-hydrated={isHydrated || undefined}
          >
            {order.map((id) => {
              const box = byId.get(id);
              return box ? (
                <SortableBox
                  key={id}
                  id={id}
                  title={box.title}
                  isCollapsed={collapsed.has(id)}
                  onToggle={() => toggle(id)}
                >
                  {box.content}
                </SortableBox>
              ) : null;
            })}
          </div>
        </SortableContext>
      </DndContext>
      <p className="related__actions">
        <button type="button" className="link-button" onClick={() => saveLayout(DEFAULT_LAYOUT)}>
          Reset layout
        </button>
      </p>
      {saveError && (
        <p className="form-message form-message--error" role="alert">
          {saveError}
        </p>
      )}
    </>
  );
}
