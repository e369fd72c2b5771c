/** 户编号 typed by the clerk, resolved to a household of the register (or a short list to pick from). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import type { HouseholdRow } from '../../../shared/contract/households.js';
import { Field, fieldAria } from '../components/Field.js';

export interface PickedHousehold {
  id: string;
  householdNo: string;
  headName: string | null;
  villageCode: string;
  villageName: string;
}

interface Props {
  value: PickedHousehold | null;
  onPick(household: PickedHousehold | null): void;
  error: string | null;
}

const picked = (r: HouseholdRow): PickedHousehold => ({ id: r.id, householdNo: r.householdNo, headName: r.headName, villageCode: r.villageCode, villageName: r.villageName });

export function HouseholdPicker({ value, onPick, error }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value?.householdNo ?? '');
  const [matches, setMatches] = useState<HouseholdRow[]>([]);
  const [notFound, setNotFound] = useState(false);

  const look = async () => {
    const query = text.trim();
    if (!query || query === value?.householdNo) return;
    const { rows } = await invoke('households/page', { startRow: 0, endRow: 10, quickSearch: query });
    const exact = rows.find((r) => r.householdNo === query);
    setNotFound(rows.length === 0);
    if (exact || rows.length === 1) {
      onPick(picked(exact ?? rows[0]!));
      setMatches([]);
    } else {
      onPick(null);
      setMatches(rows);
    }
  };

  const message = error ?? (notFound ? t('ui.water.noHousehold') : null);
  return (
    <Field id="water-household" label={t('ui.water.findHousehold')} error={message} hint={value ? `${value.headName ?? ''} · ${value.villageName}` : t('ui.water.findHouseholdHint')}>
      <input
        id="water-household"
        className="input"
        value={text}
        autoComplete="off"
        data-autofocus
        {...fieldAria('water-household', message, 'hint')}
        onChange={(e) => {
          setText(e.target.value);
          setNotFound(false);
          if (value && e.target.value !== value.householdNo) onPick(null);
        }}
        // Enter moves on to the next field (the form's Enter navigation), which blurs this one.
        onBlur={() => void look()}
      />
      {matches.length > 1 && (
        <select
          className="input select"
          aria-label={t('ui.water.findHouseholdHint')}
          value=""
          onChange={(e) => {
            const row = matches.find((m) => m.id === e.target.value);
            if (row) {
              onPick(picked(row));
              setText(row.householdNo);
              setMatches([]);
            }
          }}
        >
          <option value="">…</option>
          {matches.map((m) => <option key={m.id} value={m.id}>{`${m.householdNo} ${m.headName ?? ''} ${m.villageName}`}</option>)}
        </select>
      )}
    </Field>
  );
}
