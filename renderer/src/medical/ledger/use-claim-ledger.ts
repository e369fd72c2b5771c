/**
 * The ledger's behaviour: load the filtered claims, keep every row's live check from the main
 * process (`medical/propose`, debounced per row), and save rows through `medical/save`. A refused
 * save keeps everything typed and adds the reasons to the row.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError, invoke } from '../../api/client.js';
import type { ClaimantCandidate, MedicalClaimRow } from '../../../../shared/contract/medical.js';
import type { VisitType } from '../../../../shared/domain/enums.js';
import type { ReviewState } from '../../../../shared/domain/review.js';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { issuesOf } from '../../lib/errors.js';
import {
  checkRow, draftOf, isDirty, proposeInputOf, rowFromClaim, withPerson, withValue, type ClaimRow, type RowCheck, type ValueField,
} from './claim-model.js';
import { ClaimStore } from './claim-store.js';

/** The newest claims the ledger holds; the filters narrow a year's claims to what a clerk looks through. */
export const LOAD_LIMIT = 1000;
/**
 * The ledger opens on its top lines (the oldest of those newest claims, newest being last): this
 * many, more than a screen, are asked for and drawn first; the newer ones follow below them.
 */
export const FIRST_BLOCK = 100;
const LIVE_DELAY_MS = 250;

/** Resolves after the next frame is painted (a timeout when the page is hidden and frames stop). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    };
    const fallback = setTimeout(done, 100);
    requestAnimationFrame(done);
  });
}

export interface LedgerFilters {
  policyYear: number | null;
  villageCode: string | null;
  visitType: VisitType | null;
  reviewState: ReviewState | null;
}

export type SaveOutcome = { ok: true; row: ClaimRow } | { ok: false; check: RowCheck | null; error?: unknown };

/** Contract validation names fields by their place in the call (`claim.totalCost`); rows name them bare. */
export function normaliseClaimIssue(i: FieldIssue): FieldIssue {
  return i.field.startsWith('claim.') ? { ...i, field: i.field.slice('claim.'.length) } : i;
}

export function useClaimLedger(filters: LedgerFilters, onLoadError: (err: unknown) => void) {
  const [store] = useState(() => new ClaimStore());
  const rows = useSyncExternalStore(store.subscribe, store.getRows);
  const [total, setTotal] = useState<number | null>(null);
  // The first load starts with the page.
  const [loading, setLoading] = useState(true);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const loadError = useRef(onLoadError);
  loadError.current = onLoadError;

  const loads = useRef(0);
  useEffect(() => () => void loads.current++, []);

  /**
   * Loads the LOAD_LIMIT newest claims. `topFirst` (a new view: the page opens, the filters
   * change): the top lines the screen opens on come first and are drawn, the newer ones follow
   * below without moving them. Otherwise (a refresh of the rows on screen) one request.
   */
  const load = useCallback(async (topFirst: boolean) => {
    // A newer load (other filters, an import) or leaving the page makes this one's answers stale.
    const current = ++loads.current;
    const stale = () => current !== loads.current;
    const page = (startRow: number, endRow: number) => invoke('medical/page', {
      startRow, endRow, sort: [{ column: 'updatedAt', direction: 'desc' }],
      policyYear: filters.policyYear, villageCode: filters.villageCode, visitType: filters.visitType, reviewState: filters.reviewState,
    });
    // Newest last, next to the line the clerk types into, as on a paper ledger.
    const shown = (claims: readonly MedicalClaimRow[]) => claims.map(rowFromClaim).reverse();
    const loadWhole = async () => {
      const whole = await page(0, LOAD_LIMIT);
      if (stale()) return;
      store.load(shown(whole.rows));
      setTotal(whole.total);
    };
    setLoading(true);
    try {
      if (!topFirst) return await loadWhole();
      const top = await page(LOAD_LIMIT - FIRST_BLOCK, LOAD_LIMIT);
      if (stale()) return;
      setTotal(top.total);
      const newer = Math.min(top.total, LOAD_LIMIT - FIRST_BLOCK);
      // Fewer claims than the top block's offset: they all come with the next request.
      if (top.rows.length > 0 || newer === 0) store.load(shown(top.rows));
      if (newer === 0) return;
      // Let the top lines be drawn before the newer ones are asked for and laid out.
      await nextFrame();
      if (stale()) return;
      const anchor = top.rows[0];
      if (!anchor) return await loadWhole();
      // One more than needed: the top block's newest claim, which shows that nothing was saved or
      // deleted between the two requests (else the whole window is asked again).
      const rest = await page(0, newer + 1);
      if (stale()) return;
      if (rest.rows[newer]?.id !== anchor.id) return await loadWhole();
      store.insertAfter(anchor.id, shown(rest.rows.slice(0, newer)));
      setTotal(rest.total);
    } catch (err) {
      if (!stale()) loadError.current(err);
    } finally {
      if (!stale()) setLoading(false);
    }
  }, [filters, store]);

  useEffect(() => {
    void load(true);
  }, [load]);

  const reload = useCallback(() => load(false), [load]);

  const refreshLive = useCallback((key: string) => {
    const row = store.get(key);
    if (!row || !isDirty(row)) return;
    const input = proposeInputOf(row);
    const asked = JSON.stringify(input);
    if (row.liveFor === asked) return;
    invoke('medical/propose', input)
      .then((live) => {
        store.update(key, (r) => (JSON.stringify(proposeInputOf(r)) === asked ? { ...r, live, liveFor: asked } : r));
      })
      // A failed check is not a refusal: saving asks again and reports properly.
      .catch(() => undefined);
  }, [store]);

  const scheduleLive = useCallback((key: string) => {
    const pending = timers.current.get(key);
    if (pending) clearTimeout(pending);
    timers.current.set(key, setTimeout(() => {
      timers.current.delete(key);
      refreshLive(key);
    }, LIVE_DELAY_MS));
  }, [refreshLive]);

  useEffect(() => () => timers.current.forEach((t) => clearTimeout(t)), []);

  const setValue = useCallback((key: string, field: ValueField, value: string) => {
    store.update(key, (r) => withValue(r, field, value));
    scheduleLive(key);
  }, [store, scheduleLive]);

  const setPerson = useCallback((key: string, person: ClaimantCandidate | null, query = '') => {
    store.update(key, (r) => withPerson(r, person, query));
    scheduleLive(key);
  }, [store, scheduleLive]);

  const addRows = useCallback((added: ClaimRow[]) => {
    store.append(added);
    added.forEach((r) => scheduleLive(r.key));
  }, [store, scheduleLive]);

  /** The saved claim with this id, put back as it is stored (after a form edit or a delete). */
  const refreshRow = useCallback(async (id: string) => {
    try {
      const claim = await invoke('medical/get', { id });
      if (store.get(id)) store.replace(id, rowFromClaim(claim));
      else store.append([rowFromClaim(claim)]);
    } catch (err) {
      if (err instanceof ApiError && err.body.kind === 'not_found') store.remove(id);
      else loadError.current(err);
    }
  }, [store]);

  /**
   * After a save or a delete: the main process re-proposes the person's other claims of the year
   * (an earlier stay changes what a later one should get), so the held copies are read again —
   * else the next edit of one would meet a newer version. Rows with unsaved edits are left alone.
   */
  const refreshPerson = useCallback(async (personId: string | null | undefined, exceptKey: string | null) => {
    if (!personId) return;
    const held = store.getRows().filter((r) => r.id && r.savedPersonId === personId && r.key !== exceptKey && !isDirty(r));
    for (const r of held) await refreshRow(r.id!);
  }, [store, refreshRow]);

  /** Saves one row; on refusal the row keeps its values and gains the reasons. */
  const save = useCallback(async (key: string): Promise<SaveOutcome> => {
    const row = store.get(key);
    if (!row || row.saving) return { ok: false, check: null };
    const check = checkRow(store.update(key, (r) => ({ ...r, attempted: true }))!);
    const draft = check.errors.length === 0 ? draftOf(row, check) : null;
    if (!draft) return { ok: false, check };
    store.update(key, (r) => ({ ...r, saving: true }));
    try {
      const { claim } = await invoke('medical/save', { claim: draft });
      const saved = rowFromClaim(claim);
      // Keep what the picker knew about the person (age, enrolment) for the panel.
      const latest = store.get(key);
      const person = latest?.person && latest.person.personId === claim.personId ? { ...saved.person!, ...latest.person } : saved.person;
      const next: ClaimRow = { ...saved, person };
      store.replace(key, next);
      void refreshPerson(claim.personId, next.key);
      return { ok: true, row: next };
    } catch (err) {
      const issues = issuesOf(err).map(normaliseClaimIssue);
      const updated = store.update(key, (r) => ({ ...r, saving: false, serverIssues: issues }));
      return { ok: false, check: updated ? checkRow(updated) : null, ...(issues.length === 0 ? { error: err } : {}) };
    }
  }, [store, refreshPerson]);

  const removeDraft = useCallback((key: string) => {
    const row = store.get(key);
    if (row && !row.id) store.remove(key);
  }, [store]);

  const dirtyCount = useMemo(() => rows.filter((r) => isDirty(r)).length, [rows]);

  return { store, rows, total, loading, reload, setValue, setPerson, addRows, save, removeDraft, refreshRow, refreshPerson, dirtyCount, scheduleLive };
}
