import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

type Rect = { top: number; height: number };
const centerOf = (rect: Rect) => rect.top + rect.height / 2;

/**
 * An arrow key moves the picked-up box exactly one place. dnd-kit's sortable getter aligns the
 * box with the edge of the next one, so a short box moved past a tall one skipped a place
 * (See Also jumped from 2nd to 4th past the five-article Related By Topic box). Here the box's
 * centre goes to the centre of the neighbour in the order the boxes were laid out when picked
 * up (dnd-kit measures them without the drag's transforms), which closestCenter then chooses.
 */
export const oneSlotKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { active, currentCoordinates, context },
) => {
  const step = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, over } = context;
  if (!collisionRect) return undefined;
  const slots = [...droppableRects.entries()].sort(([, a], [, b]) => a.top - b.top).map(([id]) => id);
  const target = droppableRects.get(slots[slots.indexOf(over?.id ?? active) + step] ?? '');
  if (!target) return currentCoordinates; // already first or last
  return { x: currentCoordinates.x, y: currentCoordinates.y + centerOf(target) - centerOf(collisionRect) };
};
