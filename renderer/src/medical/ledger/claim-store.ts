/**
 * The ledger's rows, outside React so the grid's synchronous callbacks (a cell edit, then Enter
 * on the last cell saves) always see the latest values. React reads it with useSyncExternalStore.
 * Invariant: the last row is an untouched draft, the line the clerk types the next slip into.
 */
import { isBlankDraft, isDirty, newDraft, type ClaimRow } from './claim-model.js';

export class ClaimStore {
  private rows: ClaimRow[] = [newDraft()];
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getRows = (): readonly ClaimRow[] => this.rows;

  get(key: string): ClaimRow | undefined {
    return this.rows.find((r) => r.key === key);
  }

  private commit(rows: ClaimRow[]): void {
    const last = rows[rows.length - 1];
    this.rows = last && isBlankDraft(last) ? rows : [...rows, newDraft(this.defaults(rows))];
    this.listeners.forEach((l) => l());
  }

  /** A new line takes the visit type and hospital of the line above: slips come in batches from one hospital. */
  private defaults(rows: readonly ClaimRow[]) {
    const above = rows[rows.length - 1];
    if (!above) return {};
    return { visitType: above.values.visitType, hospitalName: above.values.hospitalName, hospitalLevel: above.values.hospitalLevel };
  }

  update(key: string, change: (row: ClaimRow) => ClaimRow): ClaimRow | undefined {
    let updated: ClaimRow | undefined;
    const rows = this.rows.map((r) => (r.key === key ? (updated = change(r)) : r));
    if (updated) this.commit(rows);
    return updated;
  }

  /** After a save the draft's key becomes the record id: the grid keeps the row by its new id. */
  replace(key: string, row: ClaimRow): void {
    this.commit(this.rows.map((r) => (r.key === key ? row : r)));
  }

  remove(key: string): void {
    this.commit(this.rows.filter((r) => r.key !== key));
  }

  /** Inserts rows before the trailing blank line. */
  append(rows: readonly ClaimRow[]): void {
    const kept = this.rows.filter((r) => !isBlankDraft(r));
    this.commit([...kept, ...rows]);
  }

  /** Loaded records replace the saved rows; rows with unsaved work stay, after them, so nothing typed is lost. */
  load(saved: readonly ClaimRow[]): void {
    const pending = this.rows.filter((r) => isDirty(r) && !isBlankDraft(r));
    const pendingIds = new Set(pending.map((r) => r.id).filter(Boolean));
    this.commit([...saved.filter((r) => !pendingIds.has(r.id)), ...pending]);
  }

  /**
   * The rest of a load, put after the row `anchorKey` (the last one loaded so far), before anything
   * typed meanwhile; rows already held (edited since) keep their held version. The rows above do
   * not move, so what is on screen stays where it is.
   */
  insertAfter(anchorKey: string, saved: readonly ClaimRow[]): void {
    const held = new Set(this.rows.map((r) => r.key));
    const at = this.rows.findIndex((r) => r.key === anchorKey) + 1;
    this.commit([...this.rows.slice(0, at), ...saved.filter((r) => !held.has(r.key)), ...this.rows.slice(at)]);
  }

  dirtyRows(): ClaimRow[] {
    return this.rows.filter((r) => isDirty(r));
  }
}
