/**
 * Who else holds each complete, valid ID number in the form: asked once per number, after the
 * clerk pauses. One ID number belongs to one person in the county.
 */
import { useEffect, useRef, useState } from 'react';
import { invoke } from '../../api/client.js';
import type { IdHolder } from '../../../../shared/contract/households.js';
import { parseIdNumber } from '../../../../shared/domain/id-number.js';

const PAUSE_MS = 250;

export function useIdHolders(idNumbers: string[], householdId: string | undefined): (idNumber: string) => IdHolder | null {
  const [known, setKnown] = useState<ReadonlyMap<string, IdHolder | null>>(new Map());
  const asked = useRef(new Set<string>());

  const valid = idNumbers.map((raw) => {
    const parsed = parseIdNumber(raw);
    return parsed.ok ? parsed.value.idNumber : null;
  });
  const signature = valid.join(',');

  useEffect(() => {
    const timer = setTimeout(() => {
      for (const id of signature.split(',')) {
        if (!id || asked.current.has(id)) continue;
        asked.current.add(id);
        invoke('persons/idHolder', { idNumber: id })
          .then((holder) => setKnown((map) => new Map(map).set(id, holder)))
          // The save checks again; a failed look-up only means no early warning.
          .catch(() => asked.current.delete(id));
      }
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [signature]);

  return (raw: string) => {
    const parsed = parseIdNumber(raw);
    if (!parsed.ok) return null;
    const holder = known.get(parsed.value.idNumber) ?? null;
    return holder && holder.householdId !== householdId ? holder : null;
  };
}
