/** One claim in the form view: its row, its live check from the main process, and save. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { invoke } from '../../api/client.js';
import type { ClaimantCandidate, MedicalClaim } from '../../../../shared/contract/medical.js';
import { issuesOf } from '../../lib/errors.js';
import { checkRow, draftOf, isDirty, proposeInputOf, withPerson, withValue, type ClaimRow, type ValueField } from '../ledger/claim-model.js';
import { normaliseClaimIssue } from '../ledger/use-claim-ledger.js';

const LIVE_DELAY_MS = 250;

export function useClaimDraft(initial: ClaimRow) {
  const [row, setRow] = useState(initial);
  const check = useMemo(() => checkRow(row), [row]);
  const asked = JSON.stringify(proposeInputOf(row));
  const latest = useRef(asked);
  latest.current = asked;

  useEffect(() => {
    if (!isDirty(row) || row.liveFor === asked) return;
    const timer = setTimeout(() => {
      invoke('medical/propose', JSON.parse(asked))
        .then((live) => setRow((r) => (latest.current === asked ? { ...r, live, liveFor: asked } : r)))
        .catch(() => undefined);
    }, LIVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [asked, row]);

  const setValue = useCallback((field: ValueField, value: string) => setRow((r) => withValue(r, field, value)), []);
  const setPerson = useCallback((person: ClaimantCandidate | null, query = '') => setRow((r) => withPerson(r, person, query)), []);

  /** The saved claim, or null when refused (the row then carries the reasons). */
  const save = useCallback(async (): Promise<MedicalClaim | null> => {
    const attempted = { ...row, attempted: true };
    setRow(attempted);
    const c = checkRow(attempted);
    const draft = c.errors.length === 0 ? draftOf(attempted, c) : null;
    if (!draft) return null;
    setRow({ ...attempted, saving: true });
    try {
      const { claim } = await invoke('medical/save', { claim: draft });
      return claim;
    } catch (err) {
      const issues = issuesOf(err).map(normaliseClaimIssue);
      setRow({ ...attempted, saving: false, serverIssues: issues });
      if (issues.length === 0) throw err;
      return null;
    }
  }, [row]);

  return { row, check, setValue, setPerson, save, dirty: isDirty(row) };
}
