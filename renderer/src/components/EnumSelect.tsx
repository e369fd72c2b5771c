import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { enums, type EnumName } from '../../../shared/domain/enums.js';

interface EnumSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  enumName: EnumName;
  value: string;
  onValueChange(value: string): void;
  /** Label of the empty choice; without it a value must be chosen. */
  emptyLabel?: string;
}

/** A select over an enumeration: stable codes as values, the `enum.*` labels as text. */
export function EnumSelect({ enumName, value, onValueChange, emptyLabel, ...rest }: EnumSelectProps) {
  const { t } = useTranslation();
  return (
    <select {...rest} value={value} onChange={(e) => onValueChange(e.target.value)}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {enums[enumName].map((code) => (
        <option key={code} value={code}>{t(`enum.${enumName}.${code}`)}</option>
      ))}
    </select>
  );
}
