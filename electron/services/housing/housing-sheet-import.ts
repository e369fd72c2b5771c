/**
 * Importing the housing-repair sheet, with the register's behaviour: one path for preview and
 * commit (a preview rolls back), all or nothing unless `skipInvalid`, and every bad row reported
 * with its row number, column and reason. A row whose household already has a repair updates it.
 */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import { repairDraft, type RepairDraft } from '../../../shared/contract/housing.js';
import type { ImportSummary } from '../../../shared/contract/transfer.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { parseMoney } from '../../../shared/domain/money.js';
import { acceptanceResults, repairModes, safetyGrades } from '../../../shared/domain/housing/housing-enums.js';
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { mapHeaders } from '../../sheets/header-map.js';
import type { SheetData, SheetRow } from '../../sheets/read-sheet.js';
import type { ServiceContext } from '../context.js';
import { commitSheet, countOf, readUpload, runSheetImport, startSummary, writeRowInSavepoint, type ImportMode } from '../sheet-import-run.js';
import { requireTownship } from '../settings-service.js';
import { writeRepair } from './housing-service.js';
import { housingSheetColumns, isHousingHeader, sheetDate, type HousingColumn } from './housing-sheet.js';

type Upload = MethodArgs<'import/preview'>;
type Cell = { ok: true; value: string | number | boolean | null } | { ok: false; code: string; params?: Record<string, string | number> };

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '已悬挂']);
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '未悬挂']);

function labelled<T extends string>(codes: readonly T[], labels: Record<T, string>, raw: string): T | undefined {
  const v = raw.trim().toLowerCase();
  return codes.find((c) => c.toLowerCase() === v || labels[c] === raw.trim());
}

function parseHousingCell(column: HousingColumn, raw: string): Cell {
  const value = raw.trim();
  if (value === '') return column.required ? { ok: false, code: 'required' } : { ok: true, value: column.kind === 'money' ? 0 : column.kind === 'boolean' ? false : null };
  switch (column.kind) {
    case 'date': {
      const d = sheetDate(value);
      return d ? { ok: true, value: d } : { ok: false, code: 'housing.dateFormat' };
    }
    case 'money': {
      const m = parseMoney(value, column.key);
      return m.ok ? { ok: true, value: m.fen } : { ok: false, code: m.issue.code };
    }
    case 'year': {
      const year = Number(value.replace(/年$/, ''));
      return Number.isInteger(year) && year >= 2013 && year <= 2100 ? { ok: true, value: year } : { ok: false, code: 'invalid' };
    }
    case 'boolean': {
      if (TRUE_WORDS.has(value.toLowerCase())) return { ok: true, value: true };
      if (FALSE_WORDS.has(value.toLowerCase())) return { ok: true, value: false };
      return { ok: false, code: 'notInList', params: { value } };
    }
    case 'grade': {
      const grade = safetyGrades.find((g) => g === value.replace(/级$/, '').trim().toUpperCase());
      return grade ? { ok: true, value: grade } : { ok: false, code: 'notInList', params: { value } };
    }
    case 'mode': {
      const mode = labelled(repairModes, zhCN.housing.mode, value);
      return mode ? { ok: true, value: mode } : { ok: false, code: 'notInList', params: { value } };
    }
    case 'acceptance': {
      const result = labelled(acceptanceResults, zhCN.housing.acceptance, value);
      return result ? { ok: true, value: result } : { ok: false, code: 'notInList', params: { value } };
    }
    default:
      return { ok: true, value };
  }
}

const headerOf = (field: string) => housingSheetColumns.find((c) => c.key === field)?.header;

function atRow(row: number, i: FieldIssue): FieldIssue {
  const column = headerOf(i.field);
  return { ...i, row, ...(column ? { column } : {}) };
}

interface PlannedRow {
  row: SheetRow;
  draft: RepairDraft | null;
  issues: FieldIssue[];
}

function planRows(sheet: SheetData): { rows: PlannedRow[]; issues: FieldIssue[]; ignored: string[] } {
  const mapping = mapHeaders(sheet.headers, Object.fromEntries(housingSheetColumns.map((c) => [c.key, c.aliases])), ['householdNo']);
  if (mapping.missing.length > 0) {
    return { rows: [], ignored: mapping.ignored, issues: mapping.missing.map((k) => ({ ...issue(k, 'import.missingColumn'), column: headerOf(k) ?? k })) };
  }
  const firstRowOf = new Map<string, number>();
  const rows = sheet.rows.map((row): PlannedRow => {
    const issues: FieldIssue[] = [];
    const values: Record<string, unknown> = {};
    for (const column of housingSheetColumns) {
      const index = mapping.columns.get(column.key);
      if (column.exportOnly || index === undefined) continue;
      const cell = parseHousingCell(column, row.cells[index] ?? '');
      if (cell.ok) values[column.key] = cell.value;
      else issues.push({ ...issue(column.key, cell.code, cell.params), row: row.rowNumber, column: column.header });
    }
    const no = typeof values.householdNo === 'string' ? values.householdNo : '';
    if (no) {
      const first = firstRowOf.get(no);
      if (first !== undefined) issues.push({ ...issue('householdNo', 'housing.duplicateInSheet', { row: first }), row: row.rowNumber, column: '户编号' });
      else firstRowOf.set(no, row.rowNumber);
    }
    if (issues.length > 0) return { row, draft: null, issues };
    const parsed = repairDraft.safeParse(values);
    if (!parsed.success) {
      return { row, draft: null, issues: parsed.error.issues.map((i) => atRow(row.rowNumber, issue(i.path.map(String).join('.'), i.code === 'too_big' ? 'tooLong' : 'invalid', 'maximum' in i ? { max: Number(i.maximum) } : undefined))) };
    }
    return { row, draft: parsed.data, issues: [] };
  });
  return { rows, issues: [], ignored: mapping.ignored };
}

async function runImport(ctx: ServiceContext, sheet: SheetData, mode: ImportMode) {
  await requireTownship(ctx);
  const plan = planRows(sheet);
  return runSheetImport(ctx, mode, async (tx, validRows) => {
    const summary = startSummary(sheet.rows.length, plan, { records: false });
    for (const p of plan.rows) {
      if (!p.draft) {
        summary.issues.push(...p.issues);
        continue;
      }
      const draft = p.draft;
      const existing = await tx.get<{ id: string }>(
        'SELECT r.id FROM housing_repair r JOIN household h ON h.id = r.household_id WHERE h.household_no = ? AND h.deleted_at IS NULL AND r.deleted_at IS NULL',
        [draft.householdNo],
      );
      const result = await writeRowInSavepoint(tx, () => writeRepair(tx, ctx, { ...draft, ...(existing ? { id: existing.id } : {}) }));
      if (!result.ok) {
        summary.issues.push(...result.issues.map((i) => atRow(p.row.rowNumber, i)));
        continue;
      }
      summary.households[countOf(result.written)]++;
      validRows.add(p.row.rowNumber);
    }
    return summary;
  });
}

export async function previewHousingImport(ctx: ServiceContext, upload: Upload): Promise<ImportSummary> {
  return (await runImport(ctx, await readUpload(ctx, upload, isHousingHeader), 'preview')).summary;
}

export async function commitHousingImport(ctx: ServiceContext, input: MethodArgs<'import/commit'>): Promise<MethodOutput<'import/commit'>> {
  const sheet = await readUpload(ctx, input, isHousingHeader);
  return commitSheet(sheet, input, (mode) => runImport(ctx, sheet, mode));
}
