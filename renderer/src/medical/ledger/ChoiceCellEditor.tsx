/**
 * A choice in a ledger cell (就诊类型, 医院等级): a native select that opens on the cell, moved
 * with the arrows, or picked by its number (1 住院, 2 门诊慢病 …) so the hands stay on the keys.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { enums } from '../../../../shared/domain/enums.js';
import type { GridRow } from './grid-row.js';

export interface ChoiceEditorParams {
  enumName: 'visitType' | 'hospitalLevel';
  /** Offer an empty choice (医院等级 may be left out). */
  optional?: boolean;
}

export function ChoiceCellEditor(props: CustomCellEditorProps<GridRow, string> & ChoiceEditorParams) {
  const { t } = useTranslation();
  const select = useRef<HTMLSelectElement>(null);
  const codes: readonly string[] = enums[props.enumName];
  const { onValueChange } = props;

  useEffect(() => {
    const el = select.current;
    if (!el) return;
    el.focus();
    // Started by typing a number: that choice, at once.
    const digit = props.eventKey && /^[1-9]$/.test(props.eventKey) ? Number(props.eventKey) : null;
    if (digit !== null && codes[digit - 1]) onValueChange(codes[digit - 1]!);
    const keyDown = (e: KeyboardEvent) => {
      if (/^[1-9]$/.test(e.key) && codes[Number(e.key) - 1]) {
        e.preventDefault();
        onValueChange(codes[Number(e.key) - 1]!);
      } else if (e.key === '0' && props.optional) {
        e.preventDefault();
        onValueChange('');
      }
    };
    el.addEventListener('keydown', keyDown);
    return () => el.removeEventListener('keydown', keyDown);
    // Once, when the editor opens.
  }, []);

  return (
    <select
      ref={select}
      className="cell-select"
      value={props.value ?? ''}
      aria-label={t(`ui.medical.col.${props.enumName}`)}
      onChange={(e) => onValueChange(e.target.value)}
    >
      {(props.optional || !props.value) && <option value="">{props.optional ? '—' : t('ui.common.choose')}</option>}
      {codes.map((code, i) => <option key={code} value={code}>{`${i + 1} ${t(`enum.${props.enumName}.${code}`)}`}</option>)}
    </select>
  );
}
