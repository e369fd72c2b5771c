/**
 * Importing the standard medical sheet with the register's behaviour: one path for preview and
 * commit (a preview rolls back), all or nothing unless `skipInvalid`, every bad row reported with
 * its row number, column and reason. Every row goes through the same checks as the form.
 *
 * Built for large sheets (hundreds of thousands of rows) in bounded memory: the file is read as a
 * stream and each row, once parsed, parked in a temporary table (medical-import-stage.ts), which
 * finds the sheet's own duplicates and gives the rows back a page at a time, per person in date
 * order, so each proposal sees the person's earlier claims whatever the order of the sheet. Per
 * page: the people's claims and the claims a row would repeat are read in a few statements, then
 * the rows are checked in JS and written many to a statement with their chained audit rows and
 * change_seq from one block. A row that repeats a claim already held with the same values is
 * "unchanged", so an export imports again cleanly.
 */
import type { SqlValue, Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { MedicalClaimDraft } from '../../../shared/contract/medical.js';
import type { ImportSummary } from '../../../shared/contract/transfer.js';
import { issue } from '../../../shared/domain/issue.js';
import { claimPolicyYear } from '../../../shared/domain/medical/claim-dates.js';
import { BatchInsert } from '../../db/batch-insert.js';
import { ChangeSeqBlock } from '../../db/change-seq.js';
import { openSheetStream, type SheetStream } from '../../sheets/stream-sheet.js';
import { AuditAppender } from '../audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { newRecordId } from '../record-store.js';
import { commitStreamedSheet, runSheetImport, startSummary, type ImportMode } from '../sheet-import-run.js';
import { evaluateClaim, PolicyCache, type ClaimantRecord } from './claim-check.js';
import { claimValues, LAYER_CODES, typedColumn } from './claim-mapping.js';
import { duplicatePointer, normaliseDraft } from './claim-service.js';
import { MedicalImportStage, type StagedRow } from './medical-import-stage.js';
import { ClaimPageLookups, HeldDuplicates } from './medical-import-lookups.js';
import { atRow, mapMedicalHeaders, parseMedicalRow } from './medical-sheet-rows.js';
import { isMedicalHeader } from './medical-sheet.js';

type Upload = MethodArgs<'import/preview'>;

/** Rows checked together: enough to make the per-page look-ups cheap, small enough for memory. */
const PAGE = 2_000;

/** The columns a re-imported row must match to count as the same claim. */
const SAME_COLUMNS = ['person_id', 'visit_type', 'hospital_name', 'hospital_level', 'admission_date', 'discharge_date', 'diagnosis', 'total_fen',
  'in_scope_fen', ...LAYER_CODES.map(typedColumn), 'accident_insurance_fen', 'invoice_no', 'settlement_date', 'policy_year'];

/** The claim table's columns in the order the import writes them. */
function claimColumns(): string[] {
  const sample = claimValues(
    { personId: '', visitType: 'inpatient', hospitalName: '', hospitalLevel: null, admissionDate: '', dischargeDate: '', diagnosis: null, totalCost: 0, inScopeCost: 0,
      basicInsurance: null, criticalIllness: null, hospitalWaiver: null, medicalAssistance: null, supplementaryCommercial: null, catastrophicReassistance: null,
      accidentInsurance: null, invoiceNo: null, settlementDate: null, policyYear: null },
    { policyYear: 0, selfPayFen: 0, inScopeSelfPayFen: 0, selfShareBp: 0, overCeiling: false, proposal: null, warnings: [] },
  );
  return ['id', ...Object.keys(sample), 'row_version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'change_seq'];
}

interface Writers {
  claims: BatchInsert;
  audit: AuditAppender;
  seq: ChangeSeqBlock;
}

/** Reads the sheet into the stage; rows whose cells do not parse are reported and go no further. */
async function stageRows(stream: SheetStream, stage: MedicalImportStage, summary: ImportSummary): Promise<number> {
  const mapping = mapMedicalHeaders(stream.headers);
  summary.ignoredColumns = mapping.ignored;
  summary.issues.push(...mapping.missingIssues);
  let rows = 0;
  for await (const row of stream.rows) {
    rows++;
    if (mapping.missing.length > 0) continue;
    const parsed = parseMedicalRow(row, mapping.columns);
    if (parsed.fields) await stage.add({ ...parsed, fields: parsed.fields });
    else summary.issues.push(...parsed.issues);
  }
  await stage.loaded();
  return rows;
}

/** Checks and writes one page of rows (per person, by date). */
async function importPage(
  ctx: ServiceContext, tx: Tx, page: StagedRow[], persons: { byIdNumber: Map<string, ClaimantRecord>; lookups: ClaimPageLookups },
  writers: Writers, summary: ImportSummary, validRows: Set<number>,
): Promise<void> {
  const drafts: { rowNumber: number; draft: MedicalClaimDraft }[] = [];
  for (const row of page) {
    const person = persons.byIdNumber.get(row.idNumber);
    if (!person) summary.issues.push(atRow(row.rowNumber, issue('idNumber', 'medical.personNotFound', { idNumber: row.idNumber })));
    else if (row.personName && row.personName !== person.name) {
      summary.issues.push(atRow(row.rowNumber, issue('personName', 'medical.personNameMismatch', { registered: person.name, given: row.personName })));
    } else drafts.push({ rowNumber: row.rowNumber, draft: normaliseDraft({ ...row.fields, personId: person.id }) });
  }
  const years = [...new Set(drafts.map((d) => claimPolicyYear(d.draft)).filter((y): y is number => y !== null))];
  await persons.lookups.loadClaims(tx, [...new Set(drafts.map((d) => d.draft.personId))], years);
  const held = await HeldDuplicates.find(tx, drafts.map((d) => d.draft));

  for (const { rowNumber, draft } of drafts) {
    const evaluation = await evaluateClaim(persons.lookups, draft);
    const invoiceHeld = draft.invoiceNo ? held.invoice(draft.hospitalName, draft.invoiceNo) : undefined;
    const visitHeld = held.visit(draft.personId, draft.hospitalName, draft.admissionDate);
    const duplicates = [
      ...(invoiceHeld ? [duplicatePointer('medical.duplicateInvoice', 'invoiceNo', invoiceHeld, { invoiceNo: draft.invoiceNo! })] : []),
      ...(visitHeld ? [duplicatePointer('medical.duplicateVisit', 'admissionDate', visitHeld)] : []),
    ];
    if (evaluation.derived && duplicates.length > 0) {
      const values = claimValues(draft, evaluation.derived);
      if ([invoiceHeld, visitHeld].every((e) => e === undefined || SAME_COLUMNS.every((c) => e[c] === values[c]))) {
        summary.records!.unchanged++;
        validRows.add(rowNumber);
        continue;
      }
    }
    const errors = [...evaluation.errors, ...duplicates];
    if (errors.length > 0 || !evaluation.derived) {
      summary.issues.push(...errors.map((e) => atRow(rowNumber, e)));
      continue;
    }
    const at = nowIso(ctx);
    const row: Record<string, SqlValue> = {
      id: newRecordId(), ...claimValues(draft, evaluation.derived), row_version: 1, created_at: at, created_by: ctx.actor, updated_at: at, updated_by: ctx.actor,
    };
    await writers.claims.add(writers.claims.columns.map((c) => (c === 'change_seq' ? writers.seq.next() : row[c] ?? null)));
    await writers.audit.write(ctx, { action: 'insert', table: 'medical_claim', recordId: String(row.id), before: null, after: row });
    persons.lookups.add(draft.personId, evaluation.derived.policyYear, draft.admissionDate, draft.dischargeDate, {
      visitType: draft.visitType, hospitalLevel: draft.hospitalLevel, inScopeFen: draft.inScopeCost,
      layers: Object.fromEntries(LAYER_CODES.map((c) => [c, (row[typedColumn(c)] as number | null) ?? 0])),
    });
    summary.records!.added++;
    validRows.add(rowNumber);
  }
  // The next page's look-ups read the claims written here (a person may span two pages).
  await writers.claims.flush();
}

async function runImport(ctx: ServiceContext, open: () => Promise<SheetStream>, mode: ImportMode, pageSize: number) {
  const stream = await open();
  return runSheetImport(ctx, mode, async (tx, validRows) => {
    const summary = startSummary(0, { issues: [], ignored: [] });
    const stage = await MedicalImportStage.open(tx);
    try {
      summary.rows = await stageRows(stream, stage, summary);
      const duplicates = await stage.sheetDuplicates();
      const inSheet = new Set<number>();
      for (const d of duplicates) {
        summary.issues.push(atRow(d.rowNumber, issue(d.field, 'medical.duplicateInSheet', { row: d.firstRow })));
        inSheet.add(d.rowNumber);
      }

      const byIdNumber = new Map<string, ClaimantRecord>();
      const byId = new Map<string, ClaimantRecord>();
      for (const p of await tx.all<ClaimantRecord & { id_number: string }>('SELECT id, id_number, name, insured FROM person WHERE deleted_at IS NULL')) {
        const record = { id: p.id, name: p.name, insured: p.insured };
        byIdNumber.set(p.id_number, record);
        byId.set(p.id, record);
      }
      const persons = { byIdNumber, lookups: new ClaimPageLookups(byId, new PolicyCache(tx)) };
      const writers: Writers = { claims: new BatchInsert(tx, 'medical_claim', claimColumns()), audit: await AuditAppender.open(tx), seq: await ChangeSeqBlock.open(tx) };
      try {
        for await (const page of stage.pages(pageSize)) {
          await importPage(ctx, tx, page.filter((r) => !inSheet.has(r.rowNumber)), persons, writers, summary, validRows);
        }
        await writers.claims.close();
        await writers.audit.close();
        await writers.seq.close(tx);
      } catch (err) {
        await writers.claims.discard();
        await writers.audit.discard();
        throw err;
      }
    } catch (err) {
      await stage.abandon();
      throw err;
    }
    await stage.drop();
    summary.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return summary;
  });
}

/** Decoded on each opening, so the bytes (tens of MB) are not held while the rows are checked. */
const opener = (upload: Upload) => () => openSheetStream(Buffer.from(upload.contentBase64, 'base64'), upload.fileName, { isHeader: isMedicalHeader });

/** `pageSize` is for tests: a person's claims spanning pages must come out as in one page. */
export interface MedicalImportOptions {
  pageSize?: number;
}

export async function previewMedicalImport(ctx: ServiceContext, upload: Upload, options: MedicalImportOptions = {}): Promise<ImportSummary> {
  return (await runImport(ctx, opener(upload), 'preview', options.pageSize ?? PAGE)).summary;
}

export async function commitMedicalImport(
  ctx: ServiceContext, input: MethodArgs<'import/commit'>, options: MedicalImportOptions = {},
): Promise<MethodOutput<'import/commit'>> {
  const open = opener(input);
  return commitStreamedSheet(input, open, (mode) => runImport(ctx, open, mode, options.pageSize ?? PAGE));
}
