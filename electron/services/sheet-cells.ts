/** Turning one sheet cell into a typed value, or an issue that names the column. */
import { zhCN } from '../../shared/i18n/zh-CN.js';
import { enums, type EnumName } from '../../shared/domain/enums.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import type { SheetColumn } from './person-sheet.js';

export type CellResult = { ok: true; value: string | number | boolean | null } | { ok: false; issue: FieldIssue };

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗']);

/** Chinese label → code, plus the codes themselves, for one enumeration. */
function enumLookup(name: EnumName): Map<string, string> {
  const labels = zhCN.enum[name] as Record<string, string>;
  const map = new Map<string, string>();
  for (const code of enums[name]) {
    map.set(code.toLowerCase(), code);
    if (labels[code]) map.set(labels[code], code);
  }
  return map;
}

const lookups = new Map<EnumName, Map<string, string>>();

export function enumFromCell(name: EnumName, raw: string): string | undefined {
  let map = lookups.get(name);
  if (!map) {
    map = enumLookup(name);
    lookups.set(name, map);
  }
  return map.get(raw.trim()) ?? map.get(raw.trim().toLowerCase());
}

export function enumLabel(name: EnumName, code: string | null): string {
  if (code === null) return '';
  return (zhCN.enum[name] as Record<string, string>)[code] ?? code;
}

export function booleanLabel(value: boolean): string {
  return value ? '是' : '否';
}

/** Villages can be named by code or by name. */
export type VillageResolver = (raw: string) => string | undefined;

export function parseCell(column: SheetColumn, raw: string, resolveVillage: VillageResolver): CellResult {
  const value = raw.trim();
  const fail = (code: string, params?: Record<string, string | number>): CellResult => ({
    ok: false, issue: { ...issue(column.key, code, params), column: column.header },
  });
  if (value === '') return column.required ? fail('required') : { ok: true, value: null };
  if (column.enumName) {
    const code = enumFromCell(column.enumName, value);
    return code ? { ok: true, value: code } : fail('notInList', { value });
  }
  switch (column.kind) {
    case 'boolean': {
      const lower = value.toLowerCase();
      if (TRUE_WORDS.has(lower)) return { ok: true, value: true };
      if (FALSE_WORDS.has(lower)) return { ok: true, value: false };
      return fail('notInList', { value });
    }
    case 'year': {
      const year = Number(value.replace(/年$/, ''));
      return Number.isInteger(year) && year >= 2013 && year <= 2100 ? { ok: true, value: year } : fail('invalid');
    }
    case 'village': {
      const code = resolveVillage(value);
      return code ? { ok: true, value: code } : fail('village.unknown', { value });
    }
    default:
      return { ok: true, value };
  }
}
