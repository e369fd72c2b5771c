/**
 * The person cell of the ledger: type an ID number or a name, ↑↓ through the matches, Enter
 * picks (a single match is picked without arrows) and the grid moves on to 就诊类型. Nothing
 * picked: the typed text stays with the row and explains the error.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { ClaimantCandidate } from '../../../../shared/contract/medical.js';
import { isIsoDate } from '../../../../shared/clipboard/tsv.js';
import { PersonOptions } from './PersonOptions.js';
import { usePersonSearch } from './use-person-search.js';
import type { GridRow } from './grid-row.js';

export interface PersonCellValue {
  person: ClaimantCandidate | null;
  query: string;
}

export function PersonCellEditor(props: CustomCellEditorProps<GridRow, PersonCellValue>) {
  const { t } = useTranslation();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const row = props.data.row;
  // A printable key that started editing replaces the cell, as in a spreadsheet.
  const started = props.eventKey && props.eventKey.length === 1 ? props.eventKey : null;
  const [query, setQuery] = useState(started ?? row.personQuery);
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const admission = isIsoDate(row.values.admissionDate) ? row.values.admissionDate : null;
  const search = usePersonSearch(query, admission);
  const state = useRef({ search, active, query });
  state.current = { search, active, query };
  const { onValueChange } = props;

  useLayoutEffect(() => {
    input.current?.focus();
    if (!started) input.current?.select();
    setAnchor(input.current?.getBoundingClientRect() ?? null);
  }, [started]);

  // Until something is picked, the cell's value is the typed text (an unpicked person).
  useEffect(() => {
    const { candidates, answered } = search;
    if (answered !== null && answered === query.trim()) setActive((a) => Math.min(a, Math.max(0, candidates.length - 1)));
  }, [search, query]);

  // Native listener on the input: it runs before the grid's own keyboard handling on the cell.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const keyDown = (e: KeyboardEvent) => {
      const { search: s, active: a, query: q } = state.current;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = s.candidates.length;
        if (n > 0) setActive((a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
      } else if (e.key === 'Enter' && !e.isComposing) {
        // Nothing typed: the person already on the row stays.
        if (q.trim() === '') return;
        const answered = s.answered === q.trim();
        const pick = answered ? s.candidates[a] : undefined;
        onValueChange(pick ? { person: pick, query: '' } : { person: null, query: q });
        // The grid's Enter handler then moves on with this value; a query not answered yet is
        // resolved by the ledger (an exact ID number or a single match is picked there).
      }
    };
    el.addEventListener('keydown', keyDown);
    return () => el.removeEventListener('keydown', keyDown);
  }, [onValueChange]);

  return (
    <div className="person-picker">
      <input
        ref={input}
        value={query}
        placeholder={t('ui.medical.picker.placeholder')}
        aria-label={t('ui.medical.col.person')}
        role="combobox"
        aria-expanded={search.candidates.length > 0}
        aria-controls={listId}
        aria-activedescendant={search.candidates.length > 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          onValueChange({ person: null, query: e.target.value });
        }}
      />
      <PersonOptions
        id={listId}
        query={query}
        search={search}
        active={active}
        anchor={anchor}
        onPick={(c) => {
          onValueChange({ person: c, query: '' });
          props.stopEditing();
        }}
      />
    </div>
  );
}
