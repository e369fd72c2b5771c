/**
 * Reads a persons sheet into households: parses every cell, groups rows by 户编号, merges each
 * group with what the database already holds (matched by 户编号 and 身份证号, so re-importing a
 * sheet changes nothing), and runs the same rules as the editor. Every issue names its row.
 */
import type { Connection, Tx } from '../db/driver.js';
import type { HouseholdDraft, MemberDraft } from '../../shared/contract/households.js';
import { householdDraft, memberDraft } from '../../shared/contract/households.js';
import { parseIdNumber } from '../../shared/domain/id-number.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { validateHousehold } from '../../shared/domain/household-rules.js';
import { mapHeaders } from '../sheets/header-map.js';
import type { SheetData } from '../sheets/read-sheet.js';
import { householdStoreIssues } from './household-service.js';
import { toHousehold, type HouseholdRecord, type PersonRecord } from './household-mapping.js';
import { personSheetColumns, type SheetColumn } from './person-sheet.js';
import { parseCell } from './sheet-cells.js';

export interface PlannedHousehold {
  householdNo: string;
  rowNumbers: number[];
  draft: HouseholdDraft | null;
  members: MemberDraft[];
  valid: boolean;
}

export interface ImportPlan {
  households: PlannedHousehold[];
  issues: FieldIssue[];
  ignoredColumns: string[];
  rowCount: number;
  /** Rows that will be written (their household has no issue). */
  validRowNumbers: Set<number>;
}

interface ParsedRow {
  rowNumber: number;
  values: Record<string, string | number | boolean | null>;
  issues: FieldIssue[];
}

const byKey = new Map(personSheetColumns.map((c) => [c.key, c]));

function columnIssue(row: number, field: string, code: string, params?: Record<string, string | number>): FieldIssue {
  const key = field.split('.').pop() ?? field;
  const column = byKey.get(key === 'members' ? 'relation' : key);
  return { ...issue(field.replace(/^members\.\d+\./, ''), code, params), row, ...(column ? { column: column.header } : {}) };
}

async function villageResolver(conn: Connection, township: string): Promise<(raw: string) => string | undefined> {
  const villages = await conn.all<{ code: string; name: string }>('SELECT code, name FROM village WHERE deleted_at IS NULL');
  const map = new Map<string, string>();
  for (const v of villages) {
    if (!v.code.startsWith(township)) continue;
    map.set(v.code, v.code);
    map.set(v.name, v.code);
    map.set(v.name.replace(/村$/, ''), v.code);
  }
  return (raw) => map.get(raw) ?? map.get(raw.replace(/村$/, ''));
}

function parseRows(sheet: SheetData, columns: Map<string, number>, resolveVillage: (raw: string) => string | undefined): ParsedRow[] {
  return sheet.rows.map(({ rowNumber, cells }) => {
    const values: ParsedRow['values'] = {};
    const issues: FieldIssue[] = [];
    for (const [key, index] of columns) {
      const column = byKey.get(key) as SheetColumn;
      const result = parseCell(column, cells[index] ?? '', resolveVillage);
      if (result.ok) values[key] = result.value;
      else issues.push({ ...result.issue, row: rowNumber });
    }
    return { rowNumber, values, issues };
  });
}

/** Household columns repeat on every row of a household; non-empty values must agree. */
function mergeHouseholdValues(rows: ParsedRow[], issues: FieldIssue[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const row of rows) {
    for (const column of personSheetColumns.filter((c) => c.level === 'household')) {
      const value = row.values[column.key];
      if (value === null || value === undefined) continue;
      if (merged[column.key] === undefined) merged[column.key] = value;
      else if (merged[column.key] !== value) {
        issues.push(columnIssue(row.rowNumber, column.key, 'import.householdConflict', { detail: `${String(merged[column.key])} ≠ ${String(value)}` }));
      }
    }
  }
  return merged;
}

function pick(values: Record<string, unknown>, level: 'household' | 'person'): Record<string, unknown> {
  return Object.fromEntries(
    personSheetColumns.filter((c) => c.level === level && values[c.key] !== null && values[c.key] !== undefined).map((c) => [c.key, values[c.key]]),
  );
}

async function existingHousehold(conn: Connection, householdNo: string) {
  const h = await conn.get<HouseholdRecord>(
    `SELECT h.*, h.village_code AS village_name FROM household h WHERE h.household_no = ? AND h.deleted_at IS NULL`, [householdNo],
  );
  if (!h) return null;
  const persons = await conn.all<PersonRecord>('SELECT * FROM person WHERE household_id = ? AND deleted_at IS NULL ORDER BY position, created_at', [h.id]);
  return toHousehold(h, persons);
}

const aliasesByKey = Object.fromEntries(personSheetColumns.map((c) => [c.key, c.aliases]));

/** A row is the persons header when it names at least three known columns. */
export function isPersonHeader(cells: string[]): boolean {
  return mapHeaders(cells, aliasesByKey).columns.size >= 3;
}

export async function planPersonImport(conn: Tx, sheet: SheetData, township: string, today: string): Promise<ImportPlan> {
  const required = personSheetColumns.filter((c) => c.required).map((c) => c.key);
  const { columns, ignored, missing } = mapHeaders(sheet.headers, aliasesByKey, required);
  const issues: FieldIssue[] = missing.map((key) => ({ ...issue(key, 'import.missingColumn'), row: sheet.headerRow ?? 1, column: byKey.get(key)!.header }));
  if (missing.length > 0) {
    return { households: [], issues, ignoredColumns: ignored, rowCount: sheet.rows.length, validRowNumbers: new Set() };
  }
  const rows = parseRows(sheet, columns, await villageResolver(conn, township));
  const groups = new Map<string, ParsedRow[]>();
  for (const row of rows) {
    issues.push(...row.issues);
    const no = row.values.householdNo;
    if (typeof no !== 'string') continue;
    groups.set(no, [...(groups.get(no) ?? []), row]);
  }

  const households: PlannedHousehold[] = [];
  const seenIds = new Map<string, number>();
  for (const [householdNo, groupRows] of groups) {
    const groupIssues: FieldIssue[] = groupRows.flatMap((r) => r.issues);
    const existing = await existingHousehold(conn, householdNo);
    const householdValues = mergeHouseholdValues(groupRows, groupIssues);
    const parsedDraft = householdDraft.safeParse({ ...(existing ?? { status: 'registered_poor' }), ...householdValues, householdNo, id: existing?.id });
    const draft = parsedDraft.success ? parsedDraft.data : null;
    if (!parsedDraft.success && groupIssues.length === 0) {
      for (const zi of parsedDraft.error.issues) groupIssues.push(columnIssue(groupRows[0]!.rowNumber, String(zi.path[0] ?? ''), 'invalid'));
    }

    const members: MemberDraft[] = (existing?.members ?? []).map((m) => memberDraft.parse(m));
    const memberRows: number[] = members.map(() => groupRows[0]!.rowNumber);
    for (const row of groupRows) {
      if (typeof row.values.idNumber !== 'string') continue;
      const parsed = parseIdNumber(row.values.idNumber, 'idNumber', today);
      const idNumber = parsed.ok ? parsed.value.idNumber : row.values.idNumber;
      const firstRow = seenIds.get(idNumber);
      if (firstRow !== undefined) {
        groupIssues.push(columnIssue(row.rowNumber, 'idNumber', 'idNumber.duplicateInSheet', { row: firstRow }));
        continue;
      }
      seenIds.set(idNumber, row.rowNumber);
      const index = members.findIndex((m) => m.idNumber === idNumber);
      const base = index >= 0 ? members[index] : {};
      const merged = memberDraft.safeParse({ ...base, ...pick(row.values, 'person'), idNumber });
      if (!merged.success) continue; // its cell issues are already listed
      if (index >= 0) {
        members[index] = merged.data;
        memberRows[index] = row.rowNumber;
      } else {
        members.push(merged.data);
        memberRows.push(row.rowNumber);
      }
    }
    if (groupIssues.length === 0 && draft) {
      const ruleIssues = [
        ...validateHousehold(draft, members, today),
        ...(await householdStoreIssues(conn, township, existing?.id ?? null, draft, members, today)),
      ];
      for (const found of ruleIssues) {
        const memberIndex = /^members\.(\d+)\./.exec(found.field)?.[1];
        const row = memberIndex !== undefined ? memberRows[Number(memberIndex)]! : groupRows[0]!.rowNumber;
        groupIssues.push(columnIssue(row, found.field, found.code, found.params));
      }
    }
    issues.push(...groupIssues.filter((i) => !groupRows.some((r) => r.issues.includes(i))));
    households.push({ householdNo, rowNumbers: groupRows.map((r) => r.rowNumber), draft, members, valid: groupIssues.length === 0 && draft !== null });
  }
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const validRowNumbers = new Set(households.filter((h) => h.valid).flatMap((h) => h.rowNumbers));
  return { households, issues, ignoredColumns: ignored, rowCount: sheet.rows.length, validRowNumbers };
}
