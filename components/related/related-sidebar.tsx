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
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { boxOrderSchema, DEFAULT_BOX_ORDER, moveBox, type BoxId } from '@/lib/related/box-order';
import { readBoxOrder, readServerBoxOrder, subscribeBoxOrder, writeBoxOrder } from './box-order-store';
import { SortableBox } from './sortable-box';

export type SidebarBox = { id: BoxId; title: string; content: ReactNode };

const screenReaderInstructions = {
  draggable:
    'To move a box, press space or enter. Use the up and down arrow keys to move it, space or enter to drop it, escape to cancel.',
};

/**
 * The Related Content boxes in the reader's order. The server renders them in the default DOM
 * order and /related-order.js has already painted the saved order (CSS `order`); on hydration
 * the DOM follows too, so focus order matches what is seen. Signed-in readers' order is kept on
 * the server as well and, after signing in on another browser, fetched and written to the cookie.
 */
export function RelatedSidebar({ boxes }: { boxes: SidebarBox[] }) {
  const order = useSyncExternalStore(subscribeBoxOrder, readBoxOrder, readServerBoxOrder);
  const [collapsed, setCollapsed] = useState<ReadonlySet<BoxId>>(new Set());
  const [saveError, setSaveError] = useState('');
  const isSignedIn = useRef(false);
  // The account's saved order may arrive after the reader has started moving boxes here: the
  // reader's own change (or a drag in progress) wins over that late answer.
  const isChangedHere = useRef(false);
  const isDragging = useRef(false);
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const titleOf = (id: unknown) => byId.get(id as BoxId)?.title ?? 'box';
  const positionOf = (id: unknown) => order.indexOf(id as BoxId) + 1;

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/sidebar-layout', { cache: 'no-store', signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ isSignedIn: boolean; order: unknown }>) : null))
      .then((body) => {
        isSignedIn.current = Boolean(body?.isSignedIn);
        const saved = boxOrderSchema.safeParse(body?.order);
        if (isChangedHere.current || isDragging.current) return;
        if (saved.success && saved.data.join('.') !== readBoxOrder().join('.')) writeBoxOrder(saved.data);
      })
      .catch(() => {
        // Offline or aborted: this browser's order stays.
      });
    return () => controller.abort();
  }, []);

  function saveOrder(next: readonly BoxId[]) {
    isChangedHere.current = true;
    writeBoxOrder(next);
    setSaveError('');
    if (!isSignedIn.current) return;
    fetch('/api/sidebar-layout', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order: next }),
    })
      .then((res) =>
        setSaveError(res.ok ? '' : 'Your layout is kept in this browser but could not be saved to your account.'),
      )
      .catch(() => setSaveError('Your layout is kept in this browser but could not be saved to your account.'));
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    isDragging.current = false;
    if (over && active.id !== over.id) saveOrder(moveBox(order, active.id as BoxId, over.id as BoxId));
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
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
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
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setCollapsed(new Set());
            saveOrder(DEFAULT_BOX_ORDER);
          }}
        >
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
