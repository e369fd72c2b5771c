/** The medical claims as the standard sheet (.xlsx or CSV), so an export imports again; and its template. */
import type { MethodOutput } from '../../../shared/contract/index.js';
import { formatYuan } from '../../../shared/domain/money.js';
import { writeCsv, writeXlsx, type Cell } from '../../sheets/write-sheet.js';
import type { ServiceContext } from '../context.js';
import { enumLabel } from '../sheet-cells.js';
import { CLAIM_SELECT, fieldOf, LAYER_CODES, typedColumn, type ClaimRecord } from './claim-mapping.js';
import { medicalSheetColumns } from './medical-sheet.js';

type Download = MethodOutput<'export/sheet'>;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheetFile(name: string, rows: Cell[][], format: 'xlsx' | 'csv'): Promise<Download> {
  const headers = medicalSheetColumns.map((c) => c.header);
  if (format === 'csv') return { fileName: `${name}.csv`, mimeType: 'text/csv', contentBase64: writeCsv(headers, rows).toString('base64') };
  const content = await writeXlsx('医疗报销', headers, rows, {
    textColumns: medicalSheetColumns.flatMap((c, i) => (c.textFormat ? [i] : [])),
    columnWidths: medicalSheetColumns.map((c) => c.width),
  });
  return { fileName: `${name}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}

const yuan = (fen: number | null) => (fen === null ? null : formatYuan(fen));

function cellsOf(r: ClaimRecord): Cell[] {
  const cells: Record<string, Cell> = {
    idNumber: r.id_number, personName: r.person_name, visitType: enumLabel('visitType', r.visit_type),
    hospitalName: r.hospital_name, hospitalLevel: enumLabel('hospitalLevel', r.hospital_level) || null,
    admissionDate: r.admission_date, dischargeDate: r.discharge_date, diagnosis: r.diagnosis,
    totalCost: yuan(r.total_fen), inScopeCost: yuan(r.in_scope_fen), accidentInsurance: yuan(r.accident_insurance_fen),
    invoiceNo: r.invoice_no, settlementDate: r.settlement_date,
  };
  for (const code of LAYER_CODES) cells[fieldOf(code)] = yuan(r[typedColumn(code)] as number | null);
  return medicalSheetColumns.map((c) => cells[c.key] ?? null);
}

/** Every live claim with full ID numbers (export/sheet is a reveal, audited by the caller). */
export async function exportMedicalSheet(ctx: ServiceContext, format: 'xlsx' | 'csv'): Promise<Download> {
  const records = await ctx.db.all<ClaimRecord>(
    `${CLAIM_SELECT} WHERE c.deleted_at IS NULL ORDER BY c.policy_year, h.village_code, h.household_no, p.name, c.admission_date, c.id`,
  );
  return sheetFile(`医疗报销台账-${ctx.now().toISOString().slice(0, 10)}`, records.map(cellsOf), format);
}

/** The headers with one example row (a county stay under the example 2020 rules). */
export async function medicalTemplate(): Promise<Download> {
  const example: Record<string, string> = {
    idNumber: '11010519491231002X', personName: '张三', visitType: '住院', hospitalName: '县人民医院', hospitalLevel: '县级',
    admissionDate: '2020-03-02', dischargeDate: '2020-03-10', diagnosis: 'I63.9 脑梗死', totalCost: '25000.00', inScopeCost: '22000.00',
    basicInsurance: '17200.00', criticalIllness: '0.00', hospitalWaiver: '480.00', medicalAssistance: '3024.00',
    supplementaryCommercial: '777.60', catastrophicReassistance: '0.00', accidentInsurance: '', invoiceNo: 'FP2020030001', settlementDate: '2020-03-10',
  };
  return sheetFile('医疗报销导入模板', [medicalSheetColumns.map((c) => example[c.key] || null)], 'xlsx');
}
