/**
 * Packages chosen together are imported one file per call so each shows its own progress. They go
 * in file-name order (names start with the township code and sequence number); a package refused
 * only because an earlier one was missing is tried again once others went in, so the order the
 * clerk picked them in does not matter. A refused package wrote nothing, so trying again is safe.
 */
import type { ImportOutcome } from '../../../../shared/contract/packages.js';

export type ItemState = 'waiting' | 'importing' | 'done';

export interface QueueItem {
  key: string;
  file: File;
  state: ItemState;
  outcome: ImportOutcome | null;
  /** A call that failed outright (no permission, the connection gone). */
  failure: unknown;
}

export function queueOf(files: File[]): QueueItem[] {
  return [...files]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((file, i) => ({ key: `${i}-${file.name}`, file, state: 'waiting', outcome: null, failure: null }));
}

export const waitsForEarlier = (item: QueueItem): boolean => item.outcome?.refusal?.code === 'package.sequenceGap';

/**
 * Runs `importOne` over the items in order, then again over those refused for a gap while any
 * pass imported something. `update` hears every change of state.
 */
export async function runQueue(
  items: QueueItem[],
  importOne: (item: QueueItem) => Promise<ImportOutcome>,
  update: (item: QueueItem) => void,
): Promise<void> {
  let todo = items;
  for (;;) {
    let progressed = false;
    for (const item of todo) {
      update({ ...item, state: 'importing' });
      try {
        const outcome = await importOne(item);
        item.outcome = outcome;
        item.failure = null;
        if (outcome.status === 'imported') progressed = true;
      } catch (err) {
        item.outcome = null;
        item.failure = err;
      }
      item.state = 'done';
      update({ ...item });
    }
    todo = todo.filter(waitsForEarlier);
    if (!progressed || todo.length === 0) return;
  }
}
