import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFixture, type Fixture } from '../../test/workstation-fixture.js';
import { countyStay, LI_ID, registerClaimants, WANG_ID, ZHANG_ID } from '../../test/medical-fixture.js';
import { readSheet } from '../../sheets/read-sheet.js';
import { main } from '../../cli/main.js';
import { commitMedicalImport } from './medical-sheet-import.js';
import { saveUpload } from '../uploads.js';

let f: Fixture;
let ids: Awaited<ReturnType<typeof registerClaimants>>;
beforeEach(async () => {
  f = await makeFixture();
  ids = await registerClaimants(f);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await f.cleanup();
});

const HEADER = '身份证号,姓名,就诊类型,医院名称,医院等级,入院日期,出院日期,诊断,医疗总费用,政策范围内费用,基本医疗保险,大病保险,医疗机构减免,医疗救助,商业补充保险,重特大疾病再救助,意外伤害保险,票据号,结算日期';
/** A 2020 county stay of 25,000.00元 (22,000.00元 in scope) with the amounts of a first claim. */
const stay = (id: string, name: string, admission: string, discharge: string, invoice: string, extra: Partial<Record<'total' | 'basic' | 'accident', string>> = {}) =>
  `${id},${name},住院,冠县人民医院,县级,${admission},${discharge},脑梗死,${extra.total ?? '25000.00'},22000,${extra.basic ?? '17200'},0,480,3024,777.60,0,${extra.accident ?? ''},${invoice},${discharge}`;

function csv(...rows: string[]) {
  return { fileName: 'claims.csv', contentBase64: Buffer.from(`\uFEFF${[HEADER, ...rows].join('\n')}\n`).toString('base64'), kind: 'medical' as const };
}

describe('medical sheet import', () => {
  it('imports good rows in one go, proposing in date order whatever the order of the sheet', async () => {
    const upload = csv(
      stay(ZHANG_ID, '张三', '2020/6/1', '2020/6/9', 'B'),
      stay(ZHANG_ID, '张三', '2020-03-02', '2020-03-10', 'A', { accident: '100.5' }),
      stay(LI_ID, '', '20200401', '20200402', 'C'),
    );
    const preview = await f.call('import/preview', upload);
    expect(preview).toMatchObject({ rows: 3, validRows: 3, issues: [], records: { added: 3, updated: 0, unchanged: 0 } });
    expect((await f.call('medical/page', { startRow: 0, endRow: 10 })).total).toBe(0);
    const done = await f.call('import/commit', upload);
    expect(done).toMatchObject({ committed: true, records: { added: 3 }, rejects: null });
    const page = await f.call('medical/page', { startRow: 0, endRow: 10, personId: ids.张三, sort: [{ column: 'admissionDate', direction: 'asc' }] });
    expect(page.rows.map((r) => [r.invoiceNo, r.proposal.criticalIllness])).toEqual([['A', 0], ['B', 299_000]]);
    expect(page.rows[1]!.warnings.map((w) => `${w.field}:${w.code}`)).toContain('criticalIllness:medical.differsFromProposal');
    expect(page.rows[0]).toMatchObject({ accidentInsurance: 10_050, supplementaryCommercial: 77_760, policyYear: 2020, selfPay: 351_840 });
    // Audit rows and change numbers, as for a form save.
    const audit = await f.workstation.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE table_name = 'medical_claim' AND action = 'insert'");
    expect(audit?.n).toBe(3);
    const seqs = await f.workstation.db.all<{ change_seq: number }>('SELECT change_seq FROM medical_claim ORDER BY change_seq');
    expect(new Set(seqs.map((s) => s.change_seq)).size).toBe(3);
    expect(seqs[0]!.change_seq).toBeGreaterThan(0);
    expect((await f.call('import/commit', upload)).records).toEqual({ added: 0, updated: 0, unchanged: 3 });
  });

  it('reports every bad row with row, column and reason, and commits nothing by default', async () => {
    await f.call('medical/save', { claim: countyStay(ids.李四, { invoiceNo: 'HELD' }) });
    const upload = csv(
      stay(ZHANG_ID, '张三', '2020-03-02', '2020-03-10', 'A'),                 // row 2: good
      stay('110105194912310021', '无名', '2020-03-02', '2020-03-10', 'X1'),    // row 3: not in the register
      stay(WANG_ID, '王六', '2020-03-02', '2020-03-10', 'X2'),                 // row 4: name differs
      stay(ZHANG_ID, '张三', '2020-05-10', '2020-05-01', 'X3'),                // row 5: discharge before admission
      stay(ZHANG_ID, '张三', '2020-07-01', '2020-07-02', 'X4', { basic: '17200.001' }), // row 6: a tenth of a fen
      stay(ZHANG_ID, '张三', '2020-08-01', '2020-08-02', 'A'),                 // row 7: invoice of row 2
      stay(ZHANG_ID, '张三', '2020-09-01', '2020-09-02', 'HELD'),              // row 8: invoice already held
      stay(ZHANG_ID, '张三', '2020-10-01', '2020-10-02', 'X5', { total: '20000' }), // row 9: in-scope above total
    );
    const result = await f.call('import/commit', upload);
    expect(result.committed).toBe(false);
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, '身份证号', 'medical.personNotFound'],
      [4, '姓名', 'medical.personNameMismatch'],
      [5, '出院日期', 'medical.dischargeBeforeAdmission'],
      [6, '基本医疗保险', 'money.tooManyDecimals'],
      [7, '票据号', 'medical.duplicateInSheet'],
      [8, '票据号', 'medical.duplicateInvoice'],
      [9, '政策范围内费用', 'medical.inScopeExceedsTotal'],
      // 个人自付 is no column of the sheet: the reason names the field instead.
      [9, undefined, 'medical.layersExceedTotal'],
    ]);
    expect(result.issues.find((i) => i.row === 8)?.params).toMatchObject({ existingPerson: '李四', existingHospital: '冠县人民医院' });
    expect((await f.call('medical/page', { startRow: 0, endRow: 10 })).total).toBe(1);

    // The same sheet stored as an upload (as the app sends it): read from disk, then again for the rejects.
    const stored = await saveUpload(f.workstation.ctx, upload.fileName, Buffer.from(upload.contentBase64, 'base64'));
    const partial = await f.call('import/commit', { fileName: upload.fileName, uploadId: stored.uploadId, kind: 'medical', skipInvalid: true });
    expect(partial).toMatchObject({ committed: true, validRows: 1, records: { added: 1 } });
    const rejects = await readSheet(Buffer.from(partial.rejects!.contentBase64, 'base64'), partial.rejects!.fileName);
    expect(rejects.rows.map((r) => r.cells[0])).toEqual(['3', '4', '5', '6', '7', '8', '9']);
    expect(rejects.rows[0]!.cells.at(-1)).toContain('不在户籍台账中');
  });

  it('exports the same shape, which imports again as unchanged (xlsx and CSV), and names a missing column', async () => {
    await f.call('medical/save', { claim: countyStay(ids.张三, { accidentInsurance: 12_345 }) });
    await f.call('medical/save', { claim: countyStay(ids.王五, { invoiceNo: null, hospitalLevel: null, diagnosis: null, admissionDate: '2019-05-01', dischargeDate: '2019-05-01', catastrophicReassistance: null }) });
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await f.call('export/sheet', { kind: 'medical', format });
      const sheet = await readSheet(Buffer.from(file.contentBase64, 'base64'), file.fileName);
      expect(sheet.headers.join(',')).toBe(HEADER);
      expect(sheet.rows[1]!.cells.slice(0, 2)).toEqual([ZHANG_ID, '张三']);
      const again = await f.call('import/commit', { ...file, kind: 'medical' });
      expect(again).toMatchObject({ committed: true, issues: [], records: { added: 0, unchanged: 2 } });
    }
    const template = await f.call('templates/get', { kind: 'medical' });
    expect((await readSheet(Buffer.from(template.contentBase64, 'base64'), template.fileName)).headers.join(',')).toBe(HEADER);
    const noTotal = { fileName: 'x.csv', kind: 'medical' as const, contentBase64: Buffer.from('身份证号,医疗总费用\n').toString('base64') };
    const missing = await f.call('import/preview', noTotal);
    expect(missing.issues.map((i) => i.column)).toEqual(['就诊类型', '医院名称', '入院日期', '出院日期', '政策范围内费用']);
  });

  it('proposes the same whatever the page size (pages end with a person\'s last stay)', async () => {
    // Five stays for 张三 (deductible and cap consumed across them) and two for others, shuffled.
    const rows = [
      stay(ZHANG_ID, '张三', '2020-09-01', '2020-09-05', 'Z5'),
      stay(LI_ID, '李四', '2020-02-01', '2020-02-03', 'L1'),
      stay(ZHANG_ID, '张三', '2020-03-02', '2020-03-10', 'Z1'),
      stay(ZHANG_ID, '张三', '2020-07-01', '2020-07-02', 'Z4'),
      stay(ZHANG_ID, '张三', '2020-04-01', '2020-04-02', 'Z2'),
      stay(LI_ID, '李四', '2020-05-01', '2020-05-03', 'L2'),
      stay(ZHANG_ID, '张三', '2020-05-01', '2020-05-09', 'Z3'),
    ];
    const proposals = async () => (await f.call('medical/page', { startRow: 0, endRow: 20, sort: [{ column: 'admissionDate', direction: 'asc' }] }))
      .rows.map((r) => [r.invoiceNo, r.proposal, r.warnings.map((w) => w.code)]);
    const onePage = await commitMedicalImport(f.workstation.ctx, { ...csv(...rows), skipInvalid: false });
    expect(onePage).toMatchObject({ committed: true, records: { added: 7 } });
    const expected = await proposals();
    expect(new Set(expected.map((p) => JSON.stringify(p[1]))).size).toBeGreaterThan(2);

    await f.workstation.db.transaction((tx) => tx.run('DELETE FROM medical_claim'));
    const twoAtATime = await commitMedicalImport(f.workstation.ctx, { ...csv(...rows), skipInvalid: false }, { pageSize: 2 });
    expect(twoAtATime).toMatchObject({ committed: true, records: { added: 7 } });
    expect(await proposals()).toEqual(expected);
  });

  it('runs from the CLI: import --kind medical', async () => {
    const file = join(f.dir, 'claims.csv');
    await writeFile(file, Buffer.from(csv(stay(ZHANG_ID, '张三', '2020-03-02', '2020-03-10', 'A')).contentBase64, 'base64'));
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    expect(await main(['import', '--db', f.file, '--kind', 'medical', file, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, records: { added: 1 } });
    // The command stored the sheet as an upload and removed it when done.
    expect(await readdir(join(f.dir, 'uploads'))).toEqual([]);
  });
});

describe('medical import of stays dated before claims already held', () => {
  /** 张三's March stay with the amounts of a first claim of 2020 (as countyStay). */
  const upload = csv(`${ZHANG_ID},张三,住院,冠县人民医院,县级,2020-03-02,2020-03-10,脑梗死,25000,22000,17200,0,480,3024,777.60,0,,MARCH,2020-03-10`);

  it('re-proposes the held later claims of that person and year, audited, and counts them', async () => {
    const june = (await f.call('medical/save', { claim: countyStay(ids.张三, { admissionDate: '2020-06-01', dischargeDate: '2020-06-09', invoiceNo: 'JUNE' }) })).claim;
    const li = (await f.call('medical/save', { claim: countyStay(ids.李四, { admissionDate: '2020-07-01', dischargeDate: '2020-07-09', invoiceNo: 'LI' }) })).claim;

    // The preview says so and changes nothing.
    expect(await f.call('import/preview', upload)).toMatchObject({ issues: [], records: { added: 1 }, reproposed: 1 });
    expect((await f.call('medical/get', { id: june.id })).rowVersion).toBe(1);

    expect(await f.call('import/commit', upload)).toMatchObject({ committed: true, records: { added: 1 }, reproposed: 1 });
    const juneAfter = await f.call('medical/get', { id: june.id });
    // As if March had been typed first from the form (claim-service.test.ts): June's proposal moves, what was typed stays.
    expect(juneAfter.proposal).not.toEqual(june.proposal);
    expect(juneAfter.warnings.map((w) => `${w.field}:${w.code}`)).toContain('criticalIllness:medical.differsFromProposal');
    expect(juneAfter).toMatchObject({ basicInsurance: june.basicInsurance, criticalIllness: june.criticalIllness, rowVersion: 2 });
    const proposeJune = await f.call('medical/propose', {
      claimId: june.id, personId: ids.张三, visitType: 'inpatient', hospitalLevel: 'county', hospitalName: '冠县人民医院',
      admissionDate: '2020-06-01', dischargeDate: '2020-06-09', totalCost: 2_500_000, inScopeCost: 2_200_000, basicInsurance: 1_720_000,
    });
    expect(proposeJune.proposal?.priorClaims).toBe(1);
    expect(juneAfter.proposal).toMatchObject(proposeJune.proposal!.amounts);
    const audit = await f.workstation.db.all<{ after_json: string }>("SELECT after_json FROM audit_log WHERE record_id = ? AND action = 'update'", [june.id]);
    expect(audit).toHaveLength(1);
    expect(Object.keys(JSON.parse(audit[0]!.after_json) as object).every((k) => k.startsWith('proposed_') || k === 'warnings')).toBe(true);
    // Another person's claim is not touched.
    expect((await f.call('medical/get', { id: li.id })).rowVersion).toBe(1);
  });

  it('leaves the count out when nothing was held for the people imported', async () => {
    const done = await f.call('import/commit', upload);
    expect(done).toMatchObject({ committed: true, records: { added: 1 } });
    expect(done.reproposed).toBeUndefined();
  });
});
