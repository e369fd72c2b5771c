import type { KeyboardEvent, ReactNode } from 'react';

interface LedgerTabsProps<V extends string> {
  /** Names the ids: `<prefix>-tab-<view>` for each tab, `<prefix>-view` for the panel. */
  prefix: string;
  label: string;
  views: readonly V[];
  view: V;
  labelOf(view: NoInfer<V>): string;
  onView(view: NoInfer<V>): void;
}

/** A page's views as a WAI-ARIA tablist: arrows move between them. */
export function LedgerTabs<V extends string>({ prefix, label, views, view, labelOf, onView }: LedgerTabsProps<V>) {
  const tabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = views[(views.indexOf(view) + (e.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length]!;
    onView(next);
    document.getElementById(`${prefix}-tab-${next}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {views.map((name) => (
        <button
          key={name}
          id={`${prefix}-tab-${name}`}
          type="button"
          role="tab"
          className={name === view ? 'tab active' : 'tab'}
          aria-selected={name === view}
          aria-controls={`${prefix}-view`}
          tabIndex={name === view ? 0 : -1}
          onClick={() => onView(name)}
          onKeyDown={tabKey}
        >
          {labelOf(name)}
        </button>
      ))}
    </div>
  );
}

/** The panel the tabs of `prefix` control. */
export function LedgerTabPanel({ prefix, view, children }: { prefix: string; view: string; children: ReactNode }) {
  return (
    <div id={`${prefix}-view`} role="tabpanel" aria-labelledby={`${prefix}-tab-${view}`} className={`${prefix}-view`}>
      {children}
    </div>
  );
}
