import type { ReactNode } from 'react';
import { AlertForm } from '@/components/alerts/alert-form';
import type { ActionState } from '@/lib/http/action';

/** The reader's alerts of one kind, or `empty` (what to do to get one) when there are none. */
export function AlertList<T>({
  items,
  empty,
  children,
}: {
  items: T[];
  empty: ReactNode;
  /** One `<li>` per alert. */
  children: (item: T) => ReactNode;
}) {
  return items.length === 0 ? empty : <ul className="alerts-list">{items.map(children)}</ul>;
}

/** An alert the reader can only stop: its title and a Stop button (named by `stopLabel` for screen readers). */
export function StoppableAlert({
  title,
  action,
  hidden,
  stopLabel,
}: {
  title: ReactNode;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  stopLabel: string;
}) {
  return (
    <li>
      <p className="alerts-list__title">{title}</p>
      <AlertForm action={action} hidden={hidden} submitLabel="Stop" submitAriaLabel={stopLabel} />
    </li>
  );
}
