/**
 * Importing the school-aid sheet with the register's behaviour: one path for preview and commit
 * (a preview rolls back), all or nothing unless `skipInvalid`, every bad row reported with its
 * row number, column and reason. Each row goes through the same checks as the form. A row that
 * repeats a record already held exactly is "unchanged" (an export imports again cleanly); one
 * that repeats its key with other values is refused as a duplicate, naming the first.
 */
import type { Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { ImportSummary } from '../../../shared/contract/transfer.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { normaliseIdNumber } from '../../../shared/domain/id-number.js';
import { repeatedKeys } from '../../../shared/domain/school/duplicate.js';
import { normaliseDate } from '../../../shared/domain/school/school-aid-rules.js';
import { parseSchoolYear } from '../../../shared/domain/school/school-year.js';
import { mapHeaders } from '../../sheets/header-map.js';
import type { SheetData, SheetRow } from '../../sheets/read-sheet.js';
import type { ServiceContext } from '../context.js';
import { enumFromCell } from '../sheet-cells.js';
import { commitSheet, readUpload, runSheetImport, startSummary, type ImportMode } from '../sheet-import-run.js';
import { requireTownship } from '../settings-service.js';
import { checkSchoolAidRecord, writeSchoolAid, type SchoolAidInput } from './school-aid-store.js';
import { importedColumns, isSchoolHeader, schoolSheetColumns } from './school-sheet.js';

type Upload = MethodArgs<'import/preview'>;

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '']);

const headerOf = (field: string) => schoolSheetColumns.find((c) => c.key === field)?.header;
const atRow = (row: number, i: FieldIssue): FieldIssue => ({ ...i, row, ...(headerOf(i.field) ? { column: headerOf(i.field) } : {}) });

interface PlannedRow {
  row: SheetRow;
  input: SchoolAidInput | null;
  personName: string;
  issues: FieldIssue[];
}

function parseRow(row: SheetRow, columns: Map<string, number>): PlannedRow {
  const issues: FieldIssue[] = [];
  const cell = (key: string) => {
    const index = columns.get(key);
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  for (const c of importedColumns) if (c.required && cell(c.key) === '') issues.push(atRow(row.rowNumber, issue(c.key, 'required')));
  const enumCell = <T extends string>(key: string, name: 'schoolTerm' | 'schoolStage' | 'schoolAidItem'): T | null => {
    const raw = cell(key);
    if (raw === '') return null;
    const code = enumFromCell(name, raw);
    if (!code) issues.push(atRow(row.rowNumber, issue(key, 'notInList', { value: raw })));
    return (code as T | undefined) ?? null;
  };
  const term = enumCell<SchoolAidInput['schoolTerm']>('schoolTerm', 'schoolTerm');
  const stage = enumCell<SchoolAidInput['schoolStage']>('schoolStage', 'schoolStage');
  const item = enumCell<SchoolAidInput['aidItem']>('aidItem', 'schoolAidItem');
  const oop = cell('outOfProvince').toLowerCase();
  if (!TRUE_WORDS.has(oop) && !FALSE_WORDS.has(oop)) issues.push(atRow(row.rowNumber, issue('outOfProvince', 'notInList', { value: cell('outOfProvince') })));
  const tooLong = (key: string, max: number) => {
    if (cell(key).length > max) issues.push(atRow(row.rowNumber, issue(key, 'tooLong', { max })));
  };
  tooLong('schoolName', 60);
  tooLong('note', 200);
  if (issues.length > 0 || !term || !stage || !item) return { row, input: null, personName: cell('personName'), issues };
  return {
    row,
    personName: cell('personName'),
    issues: [],
    input: {
      idNumber: cell('idNumber'), schoolYear: cell('schoolYear'), schoolTerm: term, schoolStage: stage, schoolName: cell('schoolName') || null,
      aidItem: item, amount: cell('amount'), paidDate: cell('paidDate') ? normaliseDate(cell('paidDate')) : null,
      outOfProvince: TRUE_WORDS.has(oop), note: cell('note') || null,
    },
  };
}

function planRows(sheet: SheetData): { rows: PlannedRow[]; issues: FieldIssue[]; ignored: string[] } {
  const required = importedColumns.filter((c) => c.required).map((c) => c.key);
  const mapping = mapHeaders(sheet.headers, Object.fromEntries(importedColumns.map((c) => [c.key, c.aliases])), required);
  if (mapping.missing.length > 0) {
    return { rows: [], ignored: mapping.ignored, issues: mapping.missing.map((k) => ({ ...issue(k, 'import.missingColumn'), column: headerOf(k) ?? k })) };
  }
  const rows = sheet.rows.map((r) => parseRow(r, mapping.columns));
  // The same key twice in the sheet: the later rows point at the first (by ID number, before lookup).
  const keys = rows.map((p) => {
    const year = p.input ? parseSchoolYear(p.input.schoolYear) : null;
    return p.input && year?.ok ? { personId: normaliseIdNumber(p.input.idNumber), schoolYear: year.schoolYear, term: p.input.schoolTerm, item: p.input.aidItem } : null;
  });
  for (const [i, first] of repeatedKeys(keys)) {
    const p = rows[i]!;
    p.issues.push(atRow(p.row.rowNumber, issue('aidItem', 'school.duplicateInSheet', { row: rows[first]!.row.rowNumber })));
    p.input = null;
  }
  return { rows, issues: [], ignored: mapping.ignored };
}

/** The live record this row would repeat, when every stored value is the same. */
async function sameRecord(tx: Tx, values: Record<string, string | number | null>): Promise<boolean> {
  const held = await tx.get<Record<string, string | number | null>>(
    'SELECT * FROM school_aid WHERE person_id = ? AND school_year = ? AND term = ? AND item = ? AND deleted_at IS NULL',
    [values.person_id!, values.school_year!, values.term!, values.item!],
  );
  return held !== undefined && Object.entries(values).every(([k, v]) => k === 'warnings' || held[k] === v);
}

async function importRow(tx: Tx, ctx: ServiceContext, p: PlannedRow, summary: ImportSummary, validRows: Set<number>): Promise<void> {
  const counts = summary.records!;
  const checked = await checkSchoolAidRecord(tx, ctx, p.input!);
  const issues: FieldIssue[] = [];
  if (checked.student && p.personName && p.personName !== checked.student.name) {
    issues.push(issue('personName', 'school.nameMismatch', { name: p.personName, registered: checked.student.name }));
  }
  if (!checked.ok) {
    const onlyDuplicate = checked.errors.every((e) => e.code === 'school.duplicate');
    if (onlyDuplicate && issues.length === 0 && checked.student) {
      // Re-check as if new, to compare with what is held.
      const again = await checkSchoolAidRecord(tx, ctx, { ...p.input!, id: String(checked.errors[0]!.params!.firstId) });
      if (again.ok && (await sameRecord(tx, again.values))) {
        counts.unchanged++;
        validRows.add(p.row.rowNumber);
        return;
      }
    }
    issues.push(...checked.errors);
  }
  if (issues.length > 0 || !checked.ok) {
    summary.issues.push(...issues.map((i) => atRow(p.row.rowNumber, i)));
    return;
  }
  await writeSchoolAid(tx, ctx, null, null, checked.values);
  counts.added++;
  validRows.add(p.row.rowNumber);
}

async function runImport(ctx: ServiceContext, sheet: SheetData, mode: ImportMode) {
  await requireTownship(ctx);
  const plan = planRows(sheet);
  return runSheetImport(ctx, mode, async (tx, validRows) => {
    const summary = startSummary(sheet.rows.length, plan);
    for (const p of plan.rows) {
      if (!p.input) summary.issues.push(...p.issues);
      else await importRow(tx, ctx, p, summary, validRows);
    }
    return summary;
  });
}

export async function previewSchoolImport(ctx: ServiceContext, upload: Upload): Promise<ImportSummary> {
  return (await runImport(ctx, await readUpload(ctx, upload, isSchoolHeader), 'preview')).summary;
}

export async function commitSchoolImport(ctx: ServiceContext, input: MethodArgs<'import/commit'>): Promise<MethodOutput<'import/commit'>> {
  const sheet = await readUpload(ctx, input, isSchoolHeader);
  return commitSheet(sheet, input, (mode) => runImport(ctx, sheet, mode));
}
