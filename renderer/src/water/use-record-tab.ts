/**
 * What each water record tab keeps: the open form (Alt+N opens a new one), the grid with its total
 * and ticked rows, and the refresh after a change.
 */
import { useEffect, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';

export type RecordTarget = { kind: 'new' } | { kind: 'edit'; id: string };

export function useRecordTab<Row extends { id: string }>(onChanged: () => void) {
  const [total, setTotal] = useState<number | null>(null);
  const [editing, setEditing] = useState<RecordTarget | null>(null);
  const [selected, setSelected] = useState<Row[]>([]);
  const grid = useRef<GridApi<Row> | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing || !e.altKey || e.key.toLowerCase() !== 'n') return;
      e.preventDefault();
      setEditing({ kind: 'new' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing]);

  const refresh = () => {
    grid.current?.refreshInfiniteCache();
    onChanged();
  };

  return {
    total,
    editing,
    selected,
    refresh,
    addNew: () => setEditing({ kind: 'new' }),
    closeForm: (changed: boolean) => {
      setEditing(null);
      if (changed) refresh();
    },
    /** For the grid: Enter or a double click opens the row's form. */
    gridEvents: {
      onOpen: (row: Row) => setEditing({ kind: 'edit', id: row.id }),
      onTotal: setTotal,
      onReady: (api: GridApi<Row>) => {
        grid.current = api;
      },
      onSelection: setSelected,
    },
  };
}
