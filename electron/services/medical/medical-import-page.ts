/**
 * One page of a medical sheet import (a few thousand staged rows, whole persons, by date):
 * prepared (claimant checks, the people's earlier claims, the claims a row would repeat) while
 * the page before it is still being written, then checked row by row in JS and written many
 * rows to a statement with their chained audit rows.
 *
 * Preparing ahead is safe because pages never split a person (medical-import-stage.ts): the
 * look-back of a page's people reads nothing the earlier pages write, and a row repeating a row
 * written by this import was already reported as a duplicate within the sheet.
 */
import type { SqlValue, Tx } from '../../db/driver.js';
import type { MedicalClaimDraft } from '../../../shared/contract/medical.js';
import type { ImportSummary } from '../../../shared/contract/transfer.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { claimPolicyYear } from '../../../shared/domain/medical/claim-dates.js';
import type { BatchInsert } from '../../db/batch-insert.js';
import type { ChangeSeqBlock } from '../../db/change-seq.js';
import type { AuditAppender } from '../audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { newRecordId } from '../record-store.js';
import { evaluateClaim, type ClaimantRecord, type PolicyCache } from './claim-check.js';
import { claimValues, LAYER_CODES, typedColumn } from './claim-mapping.js';
import { recomputePersonYear } from './claim-recompute.js';
import { duplicatePointer, normaliseDraft } from './claim-service.js';
import { ClaimPageLookups, HeldDuplicates, personYear } from './medical-import-lookups.js';
import type { StagedRow } from './medical-import-stage.js';
import { atRow } from './medical-sheet-rows.js';

/** The columns a re-imported row must match to count as the same claim. */
const SAME_COLUMNS = ['person_id', 'visit_type', 'hospital_name', 'hospital_level', 'admission_date', 'discharge_date', 'diagnosis', 'total_fen',
  'in_scope_fen', ...LAYER_CODES.map(typedColumn), 'accident_insurance_fen', 'invoice_no', 'settlement_date', 'policy_year'];

/** The claim table's columns in the order the import writes them. */
export function claimColumns(): string[] {
  const sample = claimValues(
    { personId: '', visitType: 'inpatient', hospitalName: '', hospitalLevel: null, admissionDate: '', dischargeDate: '', diagnosis: null, totalCost: 0, inScopeCost: 0,
      basicInsurance: null, criticalIllness: null, hospitalWaiver: null, medicalAssistance: null, supplementaryCommercial: null, catastrophicReassistance: null,
      accidentInsurance: null, invoiceNo: null, settlementDate: null, policyYear: null },
    { policyYear: 0, selfPayFen: 0, inScopeSelfPayFen: 0, selfShareBp: 0, overCeiling: false, proposal: null, warnings: [] },
  );
  return ['id', ...Object.keys(sample), 'row_version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'change_seq'];
}

export interface ImportWriters {
  claims: BatchInsert;
  audit: AuditAppender;
  seq: ChangeSeqBlock;
}

/** The register's people, read once per import. */
export interface ImportPersons {
  byIdNumber: Map<string, ClaimantRecord>;
  byId: Map<string, ClaimantRecord>;
  policies: PolicyCache;
}

/** What the pages add up to. */
export interface PageResults {
  summary: ImportSummary;
  validRows: Set<number>;
  /** `person|year` where claims were held before the import and rows were added: to re-propose. */
  heldYears: Set<string>;
}

export interface PreparedPage {
  drafts: { rowNumber: number; draft: MedicalClaimDraft }[];
  /** Rows whose person is unknown or named differently, in page order. */
  issues: FieldIssue[];
  lookups: ClaimPageLookups;
  held: HeldDuplicates;
}

export async function preparePage(tx: Tx, page: StagedRow[], persons: ImportPersons): Promise<PreparedPage> {
  const drafts: PreparedPage['drafts'] = [];
  const issues: FieldIssue[] = [];
  for (const row of page) {
    const person = persons.byIdNumber.get(row.idNumber);
    if (!person) issues.push(atRow(row.rowNumber, issue('idNumber', 'medical.personNotFound', { idNumber: row.idNumber })));
    else if (row.personName && row.personName !== person.name) {
      issues.push(atRow(row.rowNumber, issue('personName', 'medical.personNameMismatch', { registered: person.name, given: row.personName })));
    } else drafts.push({ rowNumber: row.rowNumber, draft: normaliseDraft({ ...row.fields, personId: person.id }) });
  }
  const years = [...new Set(drafts.map((d) => claimPolicyYear(d.draft)).filter((y): y is number => y !== null))];
  const lookups = await ClaimPageLookups.load(tx, persons.byId, persons.policies, [...new Set(drafts.map((d) => d.draft.personId))], years);
  const held = await HeldDuplicates.find(tx, drafts.map((d) => d.draft));
  return { drafts, issues, lookups, held };
}

/** Checks and writes a prepared page; what it writes may still be in flight when it returns. */
export async function importPage(ctx: ServiceContext, page: PreparedPage, writers: ImportWriters, results: PageResults): Promise<void> {
  const { lookups, held } = page;
  const { summary, validRows } = results;
  summary.issues.push(...page.issues);
  for (const { rowNumber, draft } of page.drafts) {
    const evaluation = await evaluateClaim(lookups, draft);
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
    lookups.add(draft.personId, evaluation.derived.policyYear, draft.admissionDate, draft.dischargeDate, {
      visitType: draft.visitType, hospitalLevel: draft.hospitalLevel, inScopeFen: draft.inScopeCost,
      layers: Object.fromEntries(LAYER_CODES.map((c) => [c, (row[typedColumn(c)] as number | null) ?? 0])),
    });
    const key = personYear(draft.personId, evaluation.derived.policyYear);
    if (lookups.held.has(key)) results.heldYears.add(key);
    summary.records!.added++;
    validRows.add(rowNumber);
  }
}

/**
 * Every page, each prepared while the one before it is checked and written. On a failure the
 * preparation under way is waited for, so no statement of it runs after the rollback.
 */
export async function importPages(
  ctx: ServiceContext, tx: Tx, pages: AsyncIterable<StagedRow[]>, persons: ImportPersons, writers: ImportWriters, results: PageResults,
): Promise<void> {
  const iterator = pages[Symbol.asyncIterator]();
  const prepareNext = async (): Promise<PreparedPage | null> => {
    const next = await iterator.next();
    return next.done ? null : preparePage(tx, next.value, persons);
  };
  let upcoming = prepareNext();
  try {
    for (let page = await upcoming; page !== null; page = await upcoming) {
      upcoming = prepareNext();
      // Reported when awaited; never left unhandled while this page is checked.
      upcoming.catch(() => undefined);
      await importPage(ctx, page, writers, results);
    }
  } catch (err) {
    await upcoming.catch(() => undefined);
    await iterator.return?.();
    throw err;
  }
}

/**
 * The claims held before the import, in the years rows were added for the same person, evaluated
 * again once everything is written (as a save from the form does): a March stay imported after
 * June was typed changes June's proposal. Returns how many changed (each with its audit row).
 */
export async function reproposeHeld(tx: Tx, ctx: ServiceContext, heldYears: Set<string>): Promise<number> {
  let changed = 0;
  for (const key of heldYears) {
    const [personId, year] = key.split('|') as [string, string];
    changed += await recomputePersonYear(tx, ctx, personId, Number(year), null);
  }
  return changed;
}
