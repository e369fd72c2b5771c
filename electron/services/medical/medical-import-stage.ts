/**
 * The parsed rows of a medical sheet, parked in a temporary table of the import's transaction
 * rather than held in memory: SQLite then finds the sheet's own duplicates and hands the rows
 * back a page at a time in the order the checks need (per person, by date). The table goes
 * with the transaction (rolled back with a preview, dropped at the end of a commit).
 */
import type { SqlValue, Tx } from '../../db/driver.js';
import { BatchInsert } from '../../db/batch-insert.js';
import type { ClaimFields, ParsedRow } from './medical-sheet-rows.js';

const TABLE = 'temp.medical_import_row';

export interface StagedRow {
  rowNumber: number;
  idNumber: string;
  personName: string;
  fields: ClaimFields;
}

interface StagedRecord {
  row_number: number;
  id_number: string;
  person_name: string;
  admission_date: string;
  discharge_date: string;
  fields: string;
}

/** A parsed row as the stage stores it. */
export function stagedValues(row: ParsedRow & { fields: ClaimFields }): SqlValue[] {
  const f = row.fields;
  return [row.rowNumber, row.idNumber, row.personName, f.hospitalName, f.invoiceNo, f.admissionDate, f.dischargeDate, JSON.stringify(f)];
}

export interface SheetDuplicate {
  rowNumber: number;
  field: 'invoiceNo' | 'admissionDate';
  firstRow: number;
}

export class MedicalImportStage {
  private constructor(private readonly tx: Tx, private readonly insert: BatchInsert) {}

  static async open(tx: Tx): Promise<MedicalImportStage> {
    await tx.exec(`DROP TABLE IF EXISTS ${TABLE};
      CREATE TABLE ${TABLE} (
        row_number INTEGER PRIMARY KEY, id_number TEXT NOT NULL, person_name TEXT NOT NULL, hospital_name TEXT NOT NULL,
        invoice_no TEXT, admission_date TEXT NOT NULL, discharge_date TEXT NOT NULL, fields TEXT NOT NULL)`);
    const columns = ['row_number', 'id_number', 'person_name', 'hospital_name', 'invoice_no', 'admission_date', 'discharge_date', 'fields'];
    return new MedicalImportStage(tx, new BatchInsert(tx, TABLE, columns));
  }

  /** A row whose cells parsed, as stagedValues() gives it. */
  add(values: SqlValue[]): Promise<void> {
    return this.insert.add(values);
  }

  /** Ends loading; builds the index the pages are read in. */
  async loaded(): Promise<void> {
    await this.insert.close();
    await this.tx.exec(`CREATE INDEX temp.medical_import_order ON medical_import_row(id_number, admission_date, discharge_date, row_number)`);
  }

  /** Later rows repeating an earlier row's invoice (hospital + number) or visit (person + hospital + admission). */
  async sheetDuplicates(): Promise<SheetDuplicate[]> {
    const rows = await this.tx.all<{ row_number: number; field: SheetDuplicate['field']; first_row: number }>(
      `SELECT row_number, field, first_row FROM (
         SELECT row_number, 'invoiceNo' AS field, MIN(row_number) OVER (PARTITION BY hospital_name, invoice_no) AS first_row
         FROM ${TABLE} WHERE invoice_no IS NOT NULL
         UNION ALL
         SELECT row_number, 'admissionDate', MIN(row_number) OVER (PARTITION BY id_number, hospital_name, admission_date)
         FROM ${TABLE})
       WHERE row_number <> first_row ORDER BY row_number, field DESC`,
    );
    return rows.map((r) => ({ rowNumber: r.row_number, field: r.field, firstRow: r.first_row }));
  }

  /**
   * Every staged row in (ID number, admission, discharge, row) order, about `size` at a time.
   * A page ends with its last person's last row, so no person spans two pages: the checks of a
   * page then need nothing written by the page before it, and can be prepared while it is written.
   */
  async *pages(size: number): AsyncGenerator<StagedRow[]> {
    const columns = 'row_number, id_number, person_name, admission_date, discharge_date, fields';
    const order = 'ORDER BY id_number, admission_date, discharge_date, row_number';
    let afterPerson: string | null = null;
    for (;;) {
      const records: StagedRecord[] = await this.tx.all<StagedRecord>(
        `SELECT ${columns} FROM ${TABLE} ${afterPerson === null ? '' : 'WHERE id_number > ?'} ${order} LIMIT ?`,
        [...(afterPerson === null ? [] : [afterPerson]), size],
      );
      if (records.length === 0) return;
      const last = records[records.length - 1]!;
      if (records.length === size) {
        records.push(...await this.tx.all<StagedRecord>(
          `SELECT ${columns} FROM ${TABLE} WHERE id_number = ? AND (admission_date, discharge_date, row_number) > (?, ?, ?) ${order}`,
          [last.id_number, last.admission_date, last.discharge_date, last.row_number],
        ));
      }
      afterPerson = last.id_number;
      yield records.map((r) => ({ rowNumber: r.row_number, idNumber: r.id_number, personName: r.person_name, fields: JSON.parse(r.fields) as ClaimFields }));
    }
  }

  async drop(): Promise<void> {
    await this.tx.exec(`DROP TABLE IF EXISTS ${TABLE}`);
  }

  /** After a failure: the rollback takes the table; only the statement is left to free. */
  abandon(): Promise<void> {
    return this.insert.discard();
  }
}
