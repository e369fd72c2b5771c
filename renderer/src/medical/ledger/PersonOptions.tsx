/** The list under a person field: name, ID number, household, village, age; the active one highlighted. */
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ClaimantCandidate } from '../../../../shared/contract/medical.js';
import { searchable, type PersonSearch } from './use-person-search.js';

interface PersonOptionsProps {
  id: string;
  query: string;
  search: PersonSearch;
  active: number;
  /** Where to show the list (the field's box); rendered on <body> so the grid cannot clip it. */
  anchor: DOMRect | null;
  onPick(candidate: ClaimantCandidate): void;
}

export function PersonOptions({ id, query, search, active, anchor, onPick }: PersonOptionsProps) {
  const { t } = useTranslation();
  if (!anchor || query.trim() === '') return null;
  const style = { left: anchor.left, top: anchor.bottom + 2 };
  let note: string | null = null;
  if (!searchable(query)) note = t('ui.medical.picker.tooShort');
  else if (search.searching) note = t('ui.medical.picker.searching');
  else if (search.candidates.length === 0) note = t('ui.medical.picker.noMatch', { query: query.trim() });
  return createPortal(
    <ul id={id} role="listbox" className="person-options" style={style} aria-label={t('ui.medical.picker.listLabel')} data-keep-interactive="">
      {note && <li className="person-options-note" role="presentation">{note}</li>}
      {!note && search.candidates.map((c, i) => (
        <li
          key={c.personId}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(c);
          }}
        >
          <strong>{c.name}</strong>
          <span className="mono">{c.idNumberMasked}</span>
          <span>{c.villageName}</span>
          <span className="muted">{t('ui.medical.picker.household', { householdNo: c.householdNo })}</span>
          <span className="muted">{t('ui.medical.picker.age', { age: c.age })}</span>
          {!c.insured && <span className="check-badge warn">{t('ui.medical.picker.notInsured')}</span>}
        </li>
      ))}
    </ul>,
    document.body,
  );
}
