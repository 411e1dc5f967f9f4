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
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  DEFAULT_LAYOUT,
  formatBoxOrderCookie,
  moveBox,
  sidebarLayoutSchema,
  type BoxId,
  type SidebarLayout,
} from '@/lib/related/box-order';
import { readBoxLayout, readServerBoxLayout, subscribeBoxLayout, writeBoxLayout } from './box-order-store';
import { oneSlotKeyboardCoordinates } from './one-slot-keyboard-coordinates';
import { SortableBox } from './sortable-box';

export type SidebarBox = { id: BoxId; title: string; content: ReactNode };

const screenReaderInstructions = {
  draggable:
    'To move a box, press space or enter. Use the up and down arrow keys to move it, space or enter to drop it, escape to cancel.',
};

/**
 * The Related Content boxes in the reader's order, with the boxes they hid still hidden. The
 * server renders them in the default DOM order, all open, and /related-order.js has already
 * painted the saved layout (CSS `order`, data-related-hidden); on hydration the DOM follows too,
 * so focus order matches what is seen. Signed-in readers' layout is kept on the server as well
 * and, after signing in on another browser, fetched and written to the cookie.
 */
export function RelatedSidebar({ boxes }: { boxes: SidebarBox[] }) {
  const layout = useSyncExternalStore(subscribeBoxLayout, readBoxLayout, readServerBoxLayout);
  const { order } = layout;
  const collapsed = new Set(layout.hidden);
  const [saveError, setSaveError] = useState('');
  const isSignedIn = useRef(false);
  // The account's saved order may arrive after the reader has started moving boxes here: the
  // reader's own change (or a drag in progress) wins over that late answer.
  const isChangedHere = useRef(false);
  const isDragging = useRef(false);
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: oneSlotKeyboardCoordinates }),
  );
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const titleOf = (id: unknown) => byId.get(id as BoxId)?.title ?? 'box';
  const positionOf = (id: unknown) => order.indexOf(id as BoxId) + 1;

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/sidebar-layout', { cache: 'no-store', signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ isSignedIn: boolean; layout: unknown }>) : null))
      .then((body) => {
        isSignedIn.current = Boolean(body?.isSignedIn);
        const saved = sidebarLayoutSchema.safeParse(body?.layout);
        if (isChangedHere.current || isDragging.current) return;
        if (saved.success && formatBoxOrderCookie(saved.data) !== formatBoxOrderCookie(readBoxLayout()))
          writeBoxLayout(saved.data);
      })
      .catch(() => {
        // Offline or aborted: this browser's order stays.
      });
    return () => controller.abort();
  }, []);

  function saveLayout(next: SidebarLayout) {
    isChangedHere.current = true;
    writeBoxLayout(next);
    setSaveError('');
    if (!isSignedIn.current) return;
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
    isDragging.current = false;
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
        onDragStart={() => (isDragging.current = true)}
        onDragCancel={() => (isDragging.current = false)}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions }}
      >
        <SortableContext items={[...order]} strategy={verticalListSortingStrategy}>
          <div className="related__boxes">
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
