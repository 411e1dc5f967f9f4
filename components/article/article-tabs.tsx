'use client';

import { useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';

export type ArticleTab = { id: string; label: string; panel: ReactNode };

const TAB_CHANGE = 'article-tab-change';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(TAB_CHANGE, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(TAB_CHANGE, onChange);
  };
}
const readHash = () => window.location.hash.slice(1);

/**
 * "Article | Cited By | Comments" as accessible tabs. The chosen tab lives in the address
 * (#cited-by, #comments), so links from alert emails open the right tab, a reload keeps it, and
 * the server renders the same page for everyone (the Article tab). Without JavaScript all
 * sections are shown in order (the tab buttons would do nothing).
 */
export function ArticleTabs({ tabs }: { tabs: ArticleTab[] }) {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  const active = tabs.some((t) => t.id === hash) ? hash : tabs[0]!.id;

  function select(id: string, focus = false) {
    window.history.replaceState(null, '', `#${id}`);
    window.dispatchEvent(new Event(TAB_CHANGE));
    if (focus) document.getElementById(`${id}-tab`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === active);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length]!.id, true);
  }

  return (
    <>
      {/* Without JavaScript the tabs cannot switch: every section is shown, one after another. */}
      <noscript>
        <style>{'.article-tabs{display:none}.article-tabs__panel[hidden]{display:block}'}</style>
      </noscript>
      <div role="tablist" aria-label="Article sections" className="article-tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${t.id}-tab`}
            type="button"
            role="tab"
            aria-selected={t.id === active}
            aria-controls={`${t.id}-panel`}
            tabIndex={t.id === active ? 0 : -1}
            className="article-tabs__tab"
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          id={`${t.id}-panel`}
          role="tabpanel"
          aria-labelledby={`${t.id}-tab`}
          hidden={t.id !== active}
          className="article-tabs__panel"
          tabIndex={0}
        >
          {t.panel}
        </div>
      ))}
    </>
  );
}
