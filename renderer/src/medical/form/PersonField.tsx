/** The form's person field: the same search and list as the ledger's person cell. */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimantCandidate } from '../../../../shared/contract/medical.js';
import { Field, fieldAria } from '../../components/Field.js';
import { PersonOptions } from '../ledger/PersonOptions.js';
import { usePersonSearch } from '../ledger/use-person-search.js';

interface PersonFieldProps {
  person: ClaimantCandidate | null;
  onDate: string | null;
  error: string | null;
  onPick(person: ClaimantCandidate | null, query: string): void;
}

export function PersonField({ person, onDate, error, onPick }: PersonFieldProps) {
  const { t } = useTranslation();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const search = usePersonSearch(query, onDate);

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = search.candidates.length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n > 0) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing && query.trim()) {
      // Picks, then Enter moves on as in every field (enter-nav on the form).
      const pick = search.answered === query.trim() ? search.candidates[active] : undefined;
      onPick(pick ?? null, query);
      if (pick) setQuery('');
      setOpen(false);
    }
  };

  const shown = person ? `${person.name} · ${person.idNumberMasked} · ${person.villageName} · ${t('ui.medical.picker.household', { householdNo: person.householdNo })}${person.age >= 0 ? ` · ${t('ui.medical.picker.age', { age: person.age })}` : ''}` : null;
  return (
    <Field id="claim-person" label={t('ui.medical.col.person')} error={error} hint={shown} className="span-2">
      <input
        ref={input}
        id="claim-person"
        className="input"
        value={query}
        placeholder={person ? person.name : t('ui.medical.picker.placeholder')}
        role="combobox"
        aria-expanded={open && search.candidates.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && search.candidates.length > 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={keyDown}
        {...fieldAria('claim-person', error, shown)}
      />
      {open && (
        <PersonOptions
          id={listId}
          query={query}
          search={search}
          active={active}
          anchor={input.current?.getBoundingClientRect() ?? null}
          onPick={(c) => {
            onPick(c, '');
            setQuery('');
            setOpen(false);
          }}
        />
      )}
    </Field>
  );
}
