/**
 * Importing the standard medical sheet with the register's behaviour: one path for preview and
 * commit (a preview rolls back), all or nothing unless `skipInvalid`, every bad row reported with
 * its row number, column and reason. Every row goes through the same checks as the form.
 *
 * Built for large sheets (hundreds of thousands of rows): one transaction; people, policy years
 * and the year's earlier claims read once into memory; duplicates checked and rows written with
 * prepared statements; audit rows chained in batches and change_seq handed out from one block.
 * Rows are checked in date order per person, so each proposal sees the person's earlier claims,
 * whatever the order of the sheet. A row that repeats a claim already held with the same values
 * is "unchanged", so an export imports again cleanly.
 */
import type { Prepared, SqlValue, Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { MedicalClaimDraft } from '../../../shared/contract/medical.js';
import type { ImportSummary } from '../../../shared/contract/transfer.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { normaliseIdNumber } from '../../../shared/domain/id-number.js';
import { parseMoney } from '../../../shared/domain/money.js';
import { claimPolicyYear, normaliseClaimDate } from '../../../shared/domain/medical/claim-dates.js';
import type { PriorClaim } from '../../../shared/domain/medical/layer-calculator.js';
import { ChangeSeqBlock } from '../../db/change-seq.js';
import { mapHeaders } from '../../sheets/header-map.js';
import type { SheetData, SheetRow } from '../../sheets/read-sheet.js';
import { AuditAppender } from '../audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { newRecordId } from '../record-store.js';
import { enumFromCell } from '../sheet-cells.js';
import { commitSheet, readUpload, runSheetImport, startSummary, type ImportMode } from '../sheet-import-run.js';
import { PolicyCache, evaluateClaim, toPriorClaims, type ClaimantRecord, type ClaimLookups } from './claim-check.js';
import { claimValues, LAYER_CODES, typedColumn } from './claim-mapping.js';
import { DUPLICATE_INVOICE_SQL, DUPLICATE_VISIT_SQL, normaliseDraft } from './claim-service.js';
import { isMedicalHeader, medicalSheetColumns, MONEY_KEYS } from './medical-sheet.js';

type Upload = MethodArgs<'import/preview'>;
type Fields = Omit<MedicalClaimDraft, 'personId' | 'id' | 'rowVersion'>;

const headerOf = (field: string) => medicalSheetColumns.find((c) => c.key === field)?.header;
const atRow = (row: number, i: FieldIssue): FieldIssue => ({ ...i, row, ...(headerOf(i.field) ? { column: headerOf(i.field) } : {}) });

interface PlannedRow {
  rowNumber: number;
  idNumber: string;
  personName: string;
  fields: Fields | null;
  draft: MedicalClaimDraft | null;
  issues: FieldIssue[];
}

const TEXT_LIMITS: Record<string, number> = { hospitalName: 100, diagnosis: 200, invoiceNo: 50 };

function parseRow(row: SheetRow, columns: Map<string, number>): PlannedRow {
  const issues: FieldIssue[] = [];
  const cell = (key: string) => {
    const index = columns.get(key);
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const fail = (key: string, code: string, params?: Record<string, string | number>) => issues.push(atRow(row.rowNumber, issue(key, code, params)));
  for (const c of medicalSheetColumns) if (c.required && cell(c.key) === '') fail(c.key, 'required');
  for (const [key, max] of Object.entries(TEXT_LIMITS)) if (cell(key).length > max) fail(key, 'tooLong', { max });

  const enumCell = <T extends string>(key: string, name: 'visitType' | 'hospitalLevel'): T | null => {
    const raw = cell(key);
    if (raw === '') return null;
    const code = enumFromCell(name, raw);
    if (!code) fail(key, 'notInList', { value: raw });
    return (code as T | undefined) ?? null;
  };
  const money: Record<string, number | null> = {};
  for (const key of MONEY_KEYS) {
    const raw = cell(key);
    if (raw === '') {
      money[key] = null;
      continue;
    }
    const parsed = parseMoney(raw, key);
    if (parsed.ok) money[key] = parsed.fen;
    else issues.push(atRow(row.rowNumber, parsed.issue));
  }
  const date = (key: string) => (cell(key) === '' ? null : normaliseClaimDate(cell(key)));
  const visitType = enumCell<Fields['visitType']>('visitType', 'visitType');
  const hospitalLevel = enumCell<NonNullable<Fields['hospitalLevel']>>('hospitalLevel', 'hospitalLevel');
  const base = { rowNumber: row.rowNumber, idNumber: normaliseIdNumber(cell('idNumber')), personName: cell('personName'), draft: null };
  if (issues.length > 0 || !visitType) return { ...base, fields: null, issues };
  const fields: Fields = {
    visitType, hospitalName: cell('hospitalName'), hospitalLevel, admissionDate: date('admissionDate')!, dischargeDate: date('dischargeDate')!,
    diagnosis: cell('diagnosis') || null, totalCost: money.totalCost!, inScopeCost: money.inScopeCost!,
    basicInsurance: money.basicInsurance ?? null, criticalIllness: money.criticalIllness ?? null, hospitalWaiver: money.hospitalWaiver ?? null,
    medicalAssistance: money.medicalAssistance ?? null, supplementaryCommercial: money.supplementaryCommercial ?? null,
    catastrophicReassistance: money.catastrophicReassistance ?? null, accidentInsurance: money.accidentInsurance ?? null,
    invoiceNo: cell('invoiceNo') || null, settlementDate: date('settlementDate'), policyYear: null,
  };
  return { ...base, fields, issues };
}

interface Plan {
  rows: PlannedRow[];
  issues: FieldIssue[];
  ignored: string[];
}

function planRows(sheet: SheetData): Plan {
  const required = medicalSheetColumns.filter((c) => c.required).map((c) => c.key);
  const mapping = mapHeaders(sheet.headers, Object.fromEntries(medicalSheetColumns.map((c) => [c.key, c.aliases])), required);
  if (mapping.missing.length > 0) {
    return { rows: [], ignored: mapping.ignored, issues: mapping.missing.map((k) => ({ ...issue(k, 'import.missingColumn'), column: headerOf(k) ?? k })) };
  }
  const rows = sheet.rows.map((r) => parseRow(r, mapping.columns));
  // The same claim twice in the sheet: later rows point at the first.
  const firstRow = new Map<string, number>();
  for (const p of rows) {
    if (!p.fields) continue;
    const keys = [
      ['invoiceNo', p.fields.invoiceNo ? `i|${p.fields.hospitalName}|${p.fields.invoiceNo}` : null],
      ['admissionDate', `v|${p.idNumber}|${p.fields.hospitalName}|${p.fields.admissionDate}`],
    ] as const;
    for (const [field, key] of keys) {
      if (key === null) continue;
      const first = firstRow.get(key);
      if (first !== undefined) p.issues.push(atRow(p.rowNumber, issue(field, 'medical.duplicateInSheet', { row: first })));
      else firstRow.set(key, p.rowNumber);
    }
    if (p.issues.length > 0) p.fields = null;
  }
  return { rows, issues: [], ignored: mapping.ignored };
}

type PriorRecord = Parameters<typeof toPriorClaims>[0][number] & { person_id: string; policy_year: number; admission_date: string; discharge_date: string };
interface Dated { admission: string; discharge: string; claim: PriorClaim }

/** Persons, rules and earlier claims read once; the claims grow as rows are written. */
class ImportLookups implements ClaimLookups {
  private readonly byPerson = new Map<string, ClaimantRecord>();
  private readonly claims = new Map<string, Dated[]>();

  private constructor(private readonly policies: PolicyCache) {}

  static async load(tx: Tx, years: number[]): Promise<{ lookups: ImportLookups; byIdNumber: Map<string, ClaimantRecord> }> {
    const lookups = new ImportLookups(new PolicyCache(tx));
    const byIdNumber = new Map<string, ClaimantRecord>();
    const persons = await tx.all<ClaimantRecord & { id_number: string }>('SELECT id, id_number, name, insured FROM person WHERE deleted_at IS NULL');
    for (const p of persons) {
      const record = { id: p.id, name: p.name, insured: p.insured };
      byIdNumber.set(p.id_number, record);
      lookups.byPerson.set(p.id, record);
    }
    if (years.length > 0) {
      const rows = await tx.all<PriorRecord>(
        `SELECT person_id, policy_year, admission_date, discharge_date, visit_type, hospital_level, in_scope_fen, ${LAYER_CODES.map(typedColumn).join(', ')}
         FROM medical_claim WHERE deleted_at IS NULL AND policy_year BETWEEN ? AND ?`, [Math.min(...years), Math.max(...years)],
      );
      const claims = toPriorClaims(rows);
      rows.forEach((r, i) => lookups.add(r.person_id, r.policy_year, r.admission_date, r.discharge_date, claims[i]!));
    }
    return { lookups, byIdNumber };
  }

  add(personId: string, year: number, admission: string, discharge: string, claim: PriorClaim): void {
    const key = `${personId}|${year}`;
    const list = this.claims.get(key) ?? [];
    list.push({ admission, discharge, claim });
    this.claims.set(key, list);
  }

  async claimant(personId: string) {
    return this.byPerson.get(personId) ?? null;
  }

  rules(year: number) {
    return this.policies.get(year);
  }

  /** A new row comes after every claim of the same dates. */
  async priorClaims(personId: string, year: number, _claimId: string | null, admission: string, discharge: string) {
    return (this.claims.get(`${personId}|${year}`) ?? [])
      .filter((c) => c.admission < admission || (c.admission === admission && c.discharge <= discharge))
      .map((c) => c.claim);
  }
}

/** The columns a re-imported row must match to count as the same claim. */
const SAME_COLUMNS = ['person_id', 'visit_type', 'hospital_name', 'hospital_level', 'admission_date', 'discharge_date', 'diagnosis', 'total_fen',
  'in_scope_fen', ...LAYER_CODES.map(typedColumn), 'accident_insurance_fen', 'invoice_no', 'settlement_date', 'policy_year'];

interface Statements {
  duplicateInvoice: Prepared;
  duplicateVisit: Prepared;
  insert: Prepared;
  columns: string[];
}

type Existing = Record<string, SqlValue> & { id: string; admission_date: string; hospital_name: string; person_name: string };

async function prepare(tx: Tx): Promise<Statements> {
  const sample = claimValues(
    { personId: '', visitType: 'inpatient', hospitalName: '', hospitalLevel: null, admissionDate: '', dischargeDate: '', diagnosis: null, totalCost: 0, inScopeCost: 0,
      basicInsurance: null, criticalIllness: null, hospitalWaiver: null, medicalAssistance: null, supplementaryCommercial: null, catastrophicReassistance: null,
      accidentInsurance: null, invoiceNo: null, settlementDate: null, policyYear: null },
    { policyYear: 0, selfPayFen: 0, inScopeSelfPayFen: 0, selfShareBp: 0, overCeiling: false, proposal: null, warnings: [] },
  );
  const columns = ['id', ...Object.keys(sample), 'row_version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'change_seq'];
  const full = (sql: string) => sql.replace('SELECT c.id, c.admission_date, c.hospital_name,', 'SELECT c.*,');
  return {
    duplicateInvoice: await tx.prepare(full(DUPLICATE_INVOICE_SQL)),
    duplicateVisit: await tx.prepare(full(DUPLICATE_VISIT_SQL)),
    insert: await tx.prepare(`INSERT INTO medical_claim (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`),
    columns,
  };
}

function pointer(code: string, field: string, e: Existing, extra: Record<string, string> = {}): FieldIssue {
  return issue(field, code, { ...extra, existingId: e.id, existingDate: e.admission_date, existingHospital: e.hospital_name, existingPerson: e.person_name });
}

async function runImport(ctx: ServiceContext, sheet: SheetData, mode: ImportMode) {
  const plan = planRows(sheet);
  return runSheetImport(ctx, mode, async (tx, validRows) => {
    const summary = startSummary(sheet.rows.length, plan);
    const years = [...new Set(plan.rows.flatMap((p) => (p.fields ? [claimPolicyYear(p.fields)] : [])).filter((y): y is number => y !== null))];
    const { lookups, byIdNumber } = await ImportLookups.load(tx, years);

    for (const p of plan.rows) {
      if (!p.fields) continue;
      const person = byIdNumber.get(p.idNumber);
      if (!person) p.issues.push(atRow(p.rowNumber, issue('idNumber', 'medical.personNotFound', { idNumber: p.idNumber })));
      else if (p.personName && p.personName !== person.name) {
        p.issues.push(atRow(p.rowNumber, issue('personName', 'medical.personNameMismatch', { registered: person.name, given: p.personName })));
      } else p.draft = normaliseDraft({ ...p.fields, personId: person.id });
    }
    const ready = plan.rows.filter((p) => p.draft !== null)
      .sort((a, b) => (a.draft!.personId < b.draft!.personId ? -1 : a.draft!.personId > b.draft!.personId ? 1 : 0)
        || a.draft!.admissionDate.localeCompare(b.draft!.admissionDate) || a.draft!.dischargeDate.localeCompare(b.draft!.dischargeDate)
        || a.rowNumber - b.rowNumber);

    const statements = await prepare(tx);
    const audit = await AuditAppender.open(tx);
    const seq = await ChangeSeqBlock.open(tx);
    try {
      for (const p of ready) {
        const draft = p.draft!;
        const evaluation = await evaluateClaim(lookups, draft);
        const found: { code: string; field: string; existing: Existing | undefined; extra?: Record<string, string> }[] = [
          ...(draft.invoiceNo ? [{
            code: 'medical.duplicateInvoice', field: 'invoiceNo', extra: { invoiceNo: draft.invoiceNo },
            existing: await statements.duplicateInvoice.get<Existing>([draft.hospitalName, draft.invoiceNo, '']),
          }] : []),
          { code: 'medical.duplicateVisit', field: 'admissionDate', existing: await statements.duplicateVisit.get<Existing>([draft.personId, draft.hospitalName, draft.admissionDate, '']) },
        ];
        const duplicates = found.filter((d) => d.existing !== undefined);
        if (evaluation.derived && duplicates.length > 0) {
          const values = claimValues(draft, evaluation.derived);
          if (duplicates.every((d) => SAME_COLUMNS.every((c) => d.existing![c] === values[c]))) {
            summary.records!.unchanged++;
            validRows.add(p.rowNumber);
            continue;
          }
        }
        const errors = [...evaluation.errors, ...duplicates.map((d) => pointer(d.code, d.field, d.existing!, d.extra))];
        if (errors.length > 0 || !evaluation.derived) {
          summary.issues.push(...errors.map((e) => atRow(p.rowNumber, e)));
          continue;
        }
        const at = nowIso(ctx);
        const row: Record<string, SqlValue> = {
          id: newRecordId(), ...claimValues(draft, evaluation.derived), row_version: 1, created_at: at, created_by: ctx.actor, updated_at: at, updated_by: ctx.actor,
        };
        await statements.insert.run(statements.columns.map((c) => (c === 'change_seq' ? seq.next() : row[c] ?? null)));
        await audit.write(ctx, { action: 'insert', table: 'medical_claim', recordId: String(row.id), before: null, after: row });
        lookups.add(draft.personId, evaluation.derived.policyYear, draft.admissionDate, draft.dischargeDate, {
          visitType: draft.visitType, hospitalLevel: draft.hospitalLevel, inScopeFen: draft.inScopeCost,
          layers: Object.fromEntries(LAYER_CODES.map((c) => [c, (row[typedColumn(c)] as number | null) ?? 0])),
        });
        summary.records!.added++;
        validRows.add(p.rowNumber);
      }
      await audit.close();
      await seq.close(tx);
    } finally {
      await Promise.all([statements.duplicateInvoice.finalize(), statements.duplicateVisit.finalize(), statements.insert.finalize()]);
    }
    for (const p of plan.rows) if (!p.draft) summary.issues.push(...p.issues);
    summary.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return summary;
  });
}

export async function previewMedicalImport(ctx: ServiceContext, upload: Upload): Promise<ImportSummary> {
  return (await runImport(ctx, await readUpload(upload, isMedicalHeader), 'preview')).summary;
}

export async function commitMedicalImport(ctx: ServiceContext, input: MethodArgs<'import/commit'>): Promise<MethodOutput<'import/commit'>> {
  const sheet = await readUpload(input, isMedicalHeader);
  return commitSheet(sheet, input, (mode) => runImport(ctx, sheet, mode));
}
