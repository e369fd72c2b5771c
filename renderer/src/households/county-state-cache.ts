/**
 * Each record's county state (from imported receipts), fetched for the rows on screen: cells ask
 * for their id, the asks of one moment go out as one `packages/recordStates` call per table.
 * Importing a receipt clears the cache; entries also go stale after a while, since a receipt
 * may have been imported in another window.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { invoke } from '../api/client.js';
import type { MethodOutput } from '../../../shared/contract/index.js';

export type CountyState = MethodOutput<'packages/recordStates'>[number];

const STALE_MS = 60_000;
const BATCH_MS = 30;
const MAX_IDS = 1000;

interface Entry {
  state: CountyState | null;
  fetchedAt: number;
}

const cache = new Map<string, Entry>();
const wanted = new Map<string, Set<string>>();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

const keyOf = (table: string, id: string) => `${table}:${id}`;
const notify = () => listeners.forEach((l) => l());

async function flush(): Promise<void> {
  timer = null;
  const batches = [...wanted.entries()];
  wanted.clear();
  for (const [table, set] of batches) {
    const ids = [...set];
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      const chunk = ids.slice(i, i + MAX_IDS);
      try {
        const states = await invoke('packages/recordStates', { table, ids: chunk });
        const now = Date.now();
        for (const id of chunk) cache.set(keyOf(table, id), { state: states.find((s) => s.id === id) ?? null, fetchedAt: now });
      } catch {
        // The column is a convenience: without an answer the cell stays empty rather than failing the list.
      }
    }
  }
  notify();
}

function request(table: string, id: string): void {
  const entry = cache.get(keyOf(table, id));
  if (entry && Date.now() - entry.fetchedAt < STALE_MS) return;
  let set = wanted.get(table);
  if (!set) wanted.set(table, (set = new Set()));
  set.add(id);
  timer ??= setTimeout(() => void flush(), BATCH_MS);
}

/** After a receipt is imported: every record's state may have changed. */
export function invalidateCountyStates(): void {
  cache.clear();
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The county's verdict on one record; undefined while unknown, null when the county said nothing yet. */
export function useCountyState(table: string, id: string | undefined): CountyState | null | undefined {
  const entry = useSyncExternalStore(subscribe, () => (id ? cache.get(keyOf(table, id)) : undefined));
  useEffect(() => {
    if (id) request(table, id);
  }, [table, id, entry]);
  return entry?.state;
}
