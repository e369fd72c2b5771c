/** How water results read on screen, in the UI language. */
import type { TFunction } from 'i18next';
import type { ParameterFailureOut } from '../../../shared/contract/water.js';
import { parameterUnits, type Indicator } from '../../../shared/domain/water/vocabulary.js';
import { passRatePercent } from '../../../shared/domain/water/rates.js';

export function failureText(t: TFunction, f: ParameterFailureOut): string {
  const unit = parameterUnits[f.parameter];
  const withUnit = (v: string) => (unit ? `${v} ${unit}` : v);
  return t(`issue.water.failure.${f.bound}`, {
    parameter: t(`ui.water.parameter.${f.parameter}`), value: withUnit(f.value), limit: withUnit(f.limit), excess: withUnit(f.excess),
  });
}

export function indicatorList(t: TFunction, indicators: readonly Indicator[]): string {
  return indicators.map((i) => t(`ui.water.indicator.${i}`)).join(t('ui.common.listSeparator', { defaultValue: '、' }));
}

export function rateText(passed: number, total: number): string {
  const percent = passRatePercent(passed, total);
  return percent === null ? '—' : `${percent}%`;
}
