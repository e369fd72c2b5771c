/** Policy rules as the screen edits them: yuan and percentages as typed strings, back to fen and bp. */
import { z } from 'zod';
import type { policyGetOutput, PolicyYearRulesInput } from '../../../../shared/contract/medical.js';
import { formatYuan, parseMoney } from '../../../../shared/domain/money.js';
import { bpToPercentText } from '../../../../shared/domain/medical/basis-points.js';
import { issue, type FieldIssue } from '../../../../shared/domain/issue.js';

type Rules = NonNullable<z.output<typeof policyGetOutput>['rules']>;
type Layer = Rules['layers'][number];

export interface LayerForm {
  position: number;
  code: Layer['code'];
  base: Layer['base'];
  deductible: string;
  deductibleScope: Layer['deductibleScope'];
  ratio: string;
  cap: string;
  visitTypes: Layer['visitTypes'];
  rates: Layer['rates'];
}

export interface PolicyForm {
  year: number;
  ceiling: string;
  note: string;
  layers: LayerForm[];
}

export function policyForm(rules: Rules): PolicyForm {
  return {
    year: rules.year,
    ceiling: bpToPercentText(rules.personalShareCeilingBp),
    note: rules.note ?? '',
    layers: rules.layers.map((l) => ({
      position: l.position, code: l.code, base: l.base, deductible: formatYuan(l.deductibleFen), deductibleScope: l.deductibleScope,
      ratio: bpToPercentText(l.ratioBp), cap: l.annualCapFen === null ? '' : formatYuan(l.annualCapFen), visitTypes: l.visitTypes, rates: l.rates,
    })),
  };
}

/** "12.5" → 1250 bp, exactly (no floating point); null when not a percentage from 0 to 100 with two decimals at most. */
export function percentToBp(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/%$/, ''));
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** The form back into the contract's rules, or the issues (field paths like `layers.2.ratio`). */
export function rulesFromForm(form: PolicyForm): { rules: PolicyYearRulesInput | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const ceilingBp = percentToBp(form.ceiling);
  if (ceilingBp === null) issues.push(issue('ceiling', 'percent'));
  const layers = form.layers.map((l, i) => {
    const deductible = parseMoney(l.deductible || '0', `layers.${i}.deductible`);
    if (!deductible.ok) issues.push(deductible.issue);
    const ratioBp = percentToBp(l.ratio);
    if (ratioBp === null) issues.push(issue(`layers.${i}.ratio`, 'percent'));
    const cap = l.cap.trim() === '' ? null : parseMoney(l.cap, `layers.${i}.cap`);
    if (cap && !cap.ok) issues.push(cap.issue);
    if (l.visitTypes.length === 0) issues.push(issue(`layers.${i}.visitTypes`, 'required'));
    return {
      position: l.position, code: l.code, base: l.base, deductibleFen: deductible.ok ? deductible.fen : 0,
      deductibleScope: l.deductibleScope, ratioBp: ratioBp ?? 0, annualCapFen: cap && cap.ok ? cap.fen : null,
      visitTypes: [...l.visitTypes], rates: l.rates,
    };
  });
  if (issues.length) return { rules: null, issues };
  return { rules: { year: form.year, personalShareCeilingBp: ceilingBp!, note: form.note.trim() || null, layers }, issues };
}
