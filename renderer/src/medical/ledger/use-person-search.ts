/** Candidates for what is typed in a person field: an ID number (or its first digits) or a name. */
import { useEffect, useState } from 'react';
import { invoke } from '../../api/client.js';
import type { ClaimantCandidate } from '../../../../shared/contract/medical.js';

const SEARCH_DELAY_MS = 150;

/** Too short to search: a single character matches half the township. */
export function searchable(query: string): boolean {
  const q = query.trim();
  return /^\d/.test(q) ? q.length >= 4 : q.length >= 1;
}

export interface PersonSearch {
  candidates: ClaimantCandidate[];
  /** The query the candidates answer; differs from the typed text while a search runs. */
  answered: string | null;
  searching: boolean;
}

export function usePersonSearch(query: string, onDate: string | null): PersonSearch {
  const [result, setResult] = useState<{ query: string; candidates: ClaimantCandidate[] } | null>(null);
  const q = query.trim();
  useEffect(() => {
    if (!searchable(q)) return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('medical/findPerson', { query: q, onDate, limit: 20 })
        .then(({ candidates }) => live && setResult({ query: q, candidates }))
        .catch(() => live && setResult({ query: q, candidates: [] }));
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, onDate]);
  const current = result && result.query === q ? result : null;
  return { candidates: current?.candidates ?? [], answered: current?.query ?? null, searching: searchable(q) && !current };
}
