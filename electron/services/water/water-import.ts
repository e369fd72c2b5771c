/**
 * Importing the drinking-water sheets with the register's behaviour: one path for preview and
 * commit (a preview rolls back), all or nothing unless `skipInvalid`, every bad row reported with
 * its row number, column and reason. A row matching a record already held updates it (an
 * assessment by 户编号 and year; a test by supply, date, kind and place), so a re-import changes nothing.
 */
import type { Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { ImportSummary } from '../../../shared/contract/transfer.js';
import { assessmentDraft, testDraft, type AssessmentDraft, type TestDraft } from '../../../shared/contract/water.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { parseMeasured } from '../../../shared/domain/water/decimal.js';
import { mapHeaders } from '../../sheets/header-map.js';
import type { SheetData, SheetRow } from '../../sheets/read-sheet.js';
import { todayOf, type ServiceContext } from '../context.js';
import { commitSheet, countOf, readUpload, runSheetImport, startSummary, writeRowInSavepoint, type ImportMode } from '../sheet-import-run.js';
import { requireTownship } from '../settings-service.js';
import { checkAssessment, writeAssessment } from './water-assessment-service.js';
import { rulesCache } from './water-rules.js';
import { supplyResolver } from './water-supplies.js';
import { testIssues, writeTest } from './water-test-service.js';
import { assessmentColumns, cellLabels, isAssessmentHeader, isTestHeader, testColumns, type WaterColumn } from './water-sheets.js';

export type WaterSheetKind = 'water-assessment' | 'water-test';
type Upload = MethodArgs<'import/preview'>;
type Cell = { ok: true; value: string | number | boolean | null } | { ok: false; code: string; params?: Record<string, string | number> };

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗']);

/** 2021-05-10, 2021/5/10, 2021.5.10, 2021年5月10日, 20210510 → 2021-05-10, if the day exists. */
export function sheetDate(raw: string): string | null {
  const parts = /^(\d{4})(\d{2})(\d{2})$/.exec(raw) ?? /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw);
  if (!parts) return null;
  const iso = `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

export function parseWaterCell(column: WaterColumn, raw: string): Cell {
  const value = raw.trim();
  if (value === '') return column.required ? { ok: false, code: 'required' } : { ok: true, value: column.kind === 'boolean' ? null : null };
  switch (column.kind) {
    case 'date': {
      const date = sheetDate(value);
      return date ? { ok: true, value: date } : { ok: false, code: 'invalid' };
    }
    case 'boolean': {
      if (TRUE_WORDS.has(value.toLowerCase())) return { ok: true, value: true };
      if (FALSE_WORDS.has(value.toLowerCase())) return { ok: true, value: false };
      return { ok: false, code: 'notInList', params: { value } };
    }
    case 'count': {
      const n = Number(value.normalize('NFKC'));
      return Number.isInteger(n) && n >= 0 ? { ok: true, value: n } : { ok: false, code: 'invalid' };
    }
    case 'supplyType': case 'testKind': case 'testPlace': case 'onsite': {
      const labels = cellLabels[column.kind];
      const code = labels[value] ?? Object.values(labels).find((c) => c === value.toLowerCase());
      return code ? { ok: true, value: code } : { ok: false, code: 'notInList', params: { value } };
    }
    case 'measured':
      return parseMeasured(value) ? { ok: true, value } : { ok: false, code: 'water.valueFormat' };
    default:
      return { ok: true, value };
  }
}

interface PlannedRow<D> {
  row: SheetRow;
  draft: D | null;
  issues: FieldIssue[];
}

interface Plan<D> {
  rows: PlannedRow<D>[];
  issues: FieldIssue[];
  ignored: string[];
}

function headerFor(columns: readonly WaterColumn[], field: string): string | undefined {
  const key = field.startsWith('values.') ? undefined : field.split('.')[0];
  return columns.find((c) => c.key === key)?.header;
}

function atRow(columns: readonly WaterColumn[], row: number, i: FieldIssue): FieldIssue {
  const column = i.column ?? headerFor(columns, i.field);
  return { ...i, row, ...(column ? { column } : {}) };
}

/** Every importable cell parsed, with issues naming the column. */
function readCells(columns: readonly WaterColumn[], mapping: Map<string, number>, row: SheetRow) {
  const values: Record<string, string | number | boolean | null> = {};
  const issues: FieldIssue[] = [];
  for (const column of columns) {
    const index = mapping.get(column.key);
    if (column.exportOnly || index === undefined) continue;
    const cell = parseWaterCell(column, row.cells[index] ?? '');
    if (cell.ok) values[column.key] = cell.value;
    else issues.push({ ...issue(column.key.replace(/^value:/, ''), cell.code, cell.params), row: row.rowNumber, column: column.header });
  }
  return { values, issues };
}

function mapped(sheet: SheetData, columns: readonly WaterColumn[]) {
  const importable = columns.filter((c) => !c.exportOnly);
  return mapHeaders(sheet.headers, Object.fromEntries(importable.map((c) => [c.key, c.aliases])), importable.filter((c) => c.required).map((c) => c.key));
}

function zodIssues(error: { issues: { path: PropertyKey[]; code: string; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => issue(i.path.map(String).join('.'), i.code === 'custom' ? i.message : i.code === 'invalid_value' ? 'notInList' : 'invalid'));
}

const nullIfAbsent = (v: unknown) => (v === undefined ? null : v);

async function planAssessments(tx: Tx, sheet: SheetData): Promise<Plan<AssessmentDraft>> {
  const mapping = mapped(sheet, assessmentColumns);
  if (mapping.missing.length > 0) {
    return { rows: [], ignored: mapping.ignored, issues: mapping.missing.map((k) => ({ ...issue(k, 'import.missingColumn'), column: headerFor(assessmentColumns, k) ?? k })) };
  }
  const resolveSupply = await supplyResolver(tx);
  const seen = new Map<string, number>();
  const rows: PlannedRow<AssessmentDraft>[] = [];
  for (const row of sheet.rows) {
    const { values, issues } = readCells(assessmentColumns, mapping.columns, row);
    const householdNo = typeof values.householdNo === 'string' ? values.householdNo : '';
    const household = householdNo ? await tx.get<{ id: string }>('SELECT id FROM household WHERE household_no = ? AND deleted_at IS NULL', [householdNo]) : undefined;
    if (householdNo && !household) issues.push(atRow(assessmentColumns, row.rowNumber, issue('householdNo', 'water.householdNoUnknown', { householdNo })));
    let supplyId: string | null = null;
    if (typeof values.supplyId === 'string') {
      supplyId = resolveSupply(values.supplyId) ?? null;
      if (!supplyId) issues.push(atRow(assessmentColumns, row.rowNumber, issue('supplyId', 'water.supplyNameUnknown', { value: values.supplyId })));
    }
    const year = typeof values.assessedOn === 'string' ? values.assessedOn.slice(0, 4) : '';
    const first = seen.get(`${householdNo}/${year}`);
    if (householdNo && year && first !== undefined) issues.push(atRow(assessmentColumns, row.rowNumber, issue('householdNo', 'water.duplicateInSheet', { row: first })));
    else seen.set(`${householdNo}/${year}`, row.rowNumber);
    if (issues.length > 0 || !household) {
      rows.push({ row, draft: null, issues });
      continue;
    }
    const existing = await tx.get<{ id: string }>('SELECT id FROM water_assessment WHERE household_id = ? AND year = ? AND deleted_at IS NULL', [household.id, Number(year)]);
    const parsed = assessmentDraft.safeParse({
      ...(existing ? { id: existing.id } : {}),
      householdId: household.id, assessedOn: values.assessedOn, supplyType: values.supplyType, supplyId,
      tapInHome: values.tapInHome ?? false, waterScarceArea: values.waterScarceArea ?? false,
      litresPerPersonDay: nullIfAbsent(values.litresPerPersonDay), tripMinutes: nullIfAbsent(values.tripMinutes),
      horizontalMetres: nullIfAbsent(values.horizontalMetres), verticalMetres: nullIfAbsent(values.verticalMetres),
      shortageDays: nullIfAbsent(values.shortageDays), onsiteCheck: nullIfAbsent(values.onsiteCheck),
      assessor: nullIfAbsent(values.assessor), note: nullIfAbsent(values.note),
    });
    rows.push(parsed.success
      ? { row, draft: parsed.data, issues: [] }
      : { row, draft: null, issues: zodIssues(parsed.error).map((i) => atRow(assessmentColumns, row.rowNumber, i)) });
  }
  return { rows, issues: [], ignored: mapping.ignored };
}

async function planTests(tx: Tx, sheet: SheetData): Promise<Plan<TestDraft>> {
  const mapping = mapped(sheet, testColumns);
  if (mapping.missing.length > 0) {
    return { rows: [], ignored: mapping.ignored, issues: mapping.missing.map((k) => ({ ...issue(k, 'import.missingColumn'), column: headerFor(testColumns, k) ?? k })) };
  }
  const resolveSupply = await supplyResolver(tx);
  const rows: PlannedRow<TestDraft>[] = [];
  for (const row of sheet.rows) {
    const { values, issues } = readCells(testColumns, mapping.columns, row);
    let supplyId: string | undefined;
    if (typeof values.supplyId === 'string') {
      supplyId = resolveSupply(values.supplyId);
      if (!supplyId) issues.push(atRow(testColumns, row.rowNumber, issue('supplyId', 'water.supplyNameUnknown', { value: values.supplyId })));
    }
    const measured = Object.entries(values).filter(([k, v]) => k.startsWith('value:') && typeof v === 'string').map(([k, v]) => ({ parameter: k.slice(6), value: String(v) }));
    if (measured.length === 0 && issues.length === 0) issues.push({ ...issue('values', 'water.noValues'), row: row.rowNumber, column: '检测结果' });
    if (issues.length > 0 || !supplyId) {
      rows.push({ row, draft: null, issues });
      continue;
    }
    const placeNote = nullIfAbsent(values.placeNote);
    const existing = await tx.get<{ id: string }>(
      `SELECT id FROM water_test WHERE supply_id = ? AND sampled_on = ? AND kind = ? AND place = ? AND coalesce(place_note, '') = ? AND deleted_at IS NULL`,
      [supplyId, String(values.sampledOn), String(values.testKind), String(values.testPlace), String(placeNote ?? '')],
    );
    const parsed = testDraft.safeParse({
      ...(existing ? { id: existing.id } : {}),
      supplyId, sampledOn: values.sampledOn, testKind: values.testKind, lab: values.lab, labCma: values.labCma ?? true,
      testPlace: values.testPlace, placeNote, values: measured, note: nullIfAbsent(values.note),
    });
    rows.push(parsed.success
      ? { row, draft: parsed.data, issues: [] }
      : { row, draft: null, issues: zodIssues(parsed.error).map((i) => atRow(testColumns, row.rowNumber, i)) });
  }
  return { rows, issues: [], ignored: mapping.ignored };
}

type Writer<D> = (tx: Tx, draft: D) => Promise<{ existed: boolean; changed: boolean }>;

async function writers(tx: Tx, ctx: ServiceContext, township: string) {
  const today = todayOf(ctx);
  const rules = rulesCache(tx);
  const assessment: Writer<AssessmentDraft> = async (t, draft) => {
    await checkAssessment(t, ctx, township, draft, today);
    return writeAssessment(t, ctx, draft, await rules.thresholds(Number(draft.assessedOn.slice(0, 4))));
  };
  const test: Writer<TestDraft> = async (t, draft) => {
    const issues = await testIssues(t, draft, today);
    if (issues.length > 0) throw AppError.validation(issues);
    return writeTest(t, ctx, draft, await rules.limits(Number(draft.sampledOn.slice(0, 4))));
  };
  return { assessment, test };
}

async function runImport(ctx: ServiceContext, kind: WaterSheetKind, sheet: SheetData, mode: ImportMode) {
  const township = await requireTownship(ctx);
  const columns = kind === 'water-assessment' ? assessmentColumns : testColumns;
  return runSheetImport(ctx, mode, async (tx, validRows) => {
    const write = await writers(tx, ctx, township);
    const plan: Plan<AssessmentDraft | TestDraft> = kind === 'water-assessment' ? await planAssessments(tx, sheet) : await planTests(tx, sheet);
    const writer = (kind === 'water-assessment' ? write.assessment : write.test) as Writer<AssessmentDraft | TestDraft>;
    const summary = startSummary(sheet.rows.length, plan);
    for (const p of plan.rows) {
      if (!p.draft) {
        summary.issues.push(...p.issues);
        continue;
      }
      const draft = p.draft;
      const result = await writeRowInSavepoint(tx, () => writer(tx, draft));
      if (!result.ok) {
        summary.issues.push(...result.issues.map((i) => atRow(columns, p.row.rowNumber, i)));
        continue;
      }
      summary.records![countOf(result.written)]++;
      validRows.add(p.row.rowNumber);
    }
    return summary;
  });
}

const isHeaderOf = (kind: WaterSheetKind) => (kind === 'water-assessment' ? isAssessmentHeader : isTestHeader);

export async function previewWaterImport(ctx: ServiceContext, kind: WaterSheetKind, upload: Upload): Promise<ImportSummary> {
  return (await runImport(ctx, kind, await readUpload(ctx, upload, isHeaderOf(kind)), 'preview')).summary;
}

export async function commitWaterImport(ctx: ServiceContext, kind: WaterSheetKind, input: MethodArgs<'import/commit'>): Promise<MethodOutput<'import/commit'>> {
  const sheet = await readUpload(ctx, input, isHeaderOf(kind));
  return commitSheet(sheet, input, (mode) => runImport(ctx, kind, sheet, mode));
}
