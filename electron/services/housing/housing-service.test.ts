import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, VILLAGE_B, type Fixture } from '../../test/workstation-fixture.js';
import { addHousehold, finishedRepair, pngBytes } from './housing-test-data.js';
import { sha256Hex } from './photo-store.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
  await addHousehold(f, 'H001', '张三', 11);
  await addHousehold(f, 'H002', '李四', 13, VILLAGE_B);
});
afterEach(() => f.cleanup());

describe('housing/save', () => {
  it('saves a repair, derives its stage and totals, and audits the insert with a change_seq', async () => {
    const { id } = await f.call('housing/save', { repair: finishedRepair('H001', { disbursementDate: null }) });
    const repair = await f.call('housing/get', { id });
    expect(repair).toMatchObject({ householdNo: 'H001', headName: '张三', villageName: '张庄村', stage: 'accepted', subsidyTotalFen: 1_850_000, flags: [], platePosted: true });
    const audit = await f.workstation.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE table_name = 'housing_repair' AND record_id = ?", [id]);
    expect(audit!.n).toBe(1);
    const row = await f.workstation.db.get<{ change_seq: number }>('SELECT change_seq FROM housing_repair WHERE id = ?', [id]);
    expect(row!.change_seq).toBeGreaterThan(0);
  });

  it('refuses dates out of order, naming the field and the earlier step, and writes nothing', async () => {
    const error = await f.fail('housing/save', { repair: finishedRepair('H001', { startDate: '2020-02-01' }) });
    expect(error.kind).toBe('validation');
    expect(error.issues).toContainEqual({ field: 'startDate', code: 'housing.before.publicityCountyDate', params: { date: '2020-02-01', otherDate: '2020-03-15' } });
    expect((await f.call('housing/page', { startRow: 0, endRow: 10 })).total).toBe(0);
  });

  it('refuses an unknown household and a second repair for one household', async () => {
    expect((await f.fail('housing/save', { repair: { householdNo: 'H999' } })).issues).toEqual([
      { field: 'householdNo', code: 'housing.householdUnknown', params: { householdNo: 'H999' } },
    ]);
    await f.call('housing/save', { repair: { householdNo: 'H001' } });
    expect((await f.fail('housing/save', { repair: { householdNo: 'H001' } })).issues?.[0]?.code).toBe('housing.householdHasRepair');
  });

  it('updates with the row version and refuses a stale one', async () => {
    const first = await f.call('housing/save', { repair: { householdNo: 'H001', appraisalDate: '2020-03-01', safetyGrade: 'C' } });
    const second = await f.call('housing/save', { repair: { id: first.id, rowVersion: 1, householdNo: 'H001', appraisalDate: '2020-03-01', safetyGrade: 'D' } });
    expect(second.rowVersion).toBe(2);
    expect((await f.fail('housing/save', { repair: { id: first.id, rowVersion: 1, householdNo: 'H001' } })).kind).toBe('conflict');
  });

  it('flags an A/B house with a rebuild subsidy and a finished repair with no subsidy', async () => {
    const safe = await f.call('housing/save', { repair: finishedRepair('H001', { safetyGrade: 'B' }) });
    expect((await f.call('housing/get', { id: safe.id })).flags).toEqual(['safeGradeRebuild']);
    const free = await f.call('housing/save', {
      repair: finishedRepair('H002', { subsidyCentralFen: 0, subsidyProvincialFen: 0, subsidyCityFen: 0, subsidyCountyFen: 0, disbursementDate: null }),
    });
    expect((await f.call('housing/get', { id: free.id })).flags).toEqual(['finishedWithoutSubsidy']);
    const flagged = await f.call('housing/page', { startRow: 0, endRow: 10, flagged: true });
    expect(flagged.total).toBe(2);
  });

  it('locks a submitted repair', async () => {
    const { id } = await f.call('housing/save', { repair: { householdNo: 'H001' } });
    await f.call('review/submit', { table: 'housing_repair', ids: [id] });
    const error = await f.fail('housing/save', { repair: { id, householdNo: 'H001', appraisalOrg: '改了' } });
    expect(error.issues?.[0]?.code).toBe('review.locked');
  });
});

describe('housing/page', () => {
  it('filters by the derived stage and village, and sorts by stage', async () => {
    await f.call('housing/save', { repair: finishedRepair('H001') });
    await f.call('housing/save', { repair: { householdNo: 'H002', appraisalDate: '2020-05-01', safetyGrade: 'C' } });
    const appraised = await f.call('housing/page', { startRow: 0, endRow: 10, stage: 'appraised' });
    expect(appraised.rows.map((r) => r.householdNo)).toEqual(['H002']);
    expect((await f.call('housing/page', { startRow: 0, endRow: 10, villageCode: VILLAGE_B })).total).toBe(1);
    const sorted = await f.call('housing/page', { startRow: 0, endRow: 10, sort: [{ column: 'stage', direction: 'desc' }] });
    expect(sorted.rows.map((r) => r.stage)).toEqual(['disbursed', 'appraised']);
    expect((await f.call('housing/page', { startRow: 0, endRow: 10, quickSearch: '李四' })).rows.map((r) => r.householdNo)).toEqual(['H002']);
  });
});

describe('photos', () => {
  it('stores each picture once under its SHA-256, shows it as a data URL, and removes the record', async () => {
    const a = await f.call('housing/save', { repair: { householdNo: 'H001' } });
    const b = await f.call('housing/save', { repair: { householdNo: 'H002' } });
    const bytes = pngBytes(1);
    const upload = { fileName: '改造前.png', contentBase64: bytes.toString('base64') };
    const first = await f.call('housing/addPhoto', { repairId: a.id, phase: 'before', ...upload });
    const again = await f.call('housing/addPhoto', { repairId: a.id, phase: 'before', ...upload });
    await f.call('housing/addPhoto', { repairId: b.id, phase: 'after', ...upload });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ sha256: sha256Hex(bytes), mimeType: 'image/png', bytes: bytes.length, phase: 'before' });
    expect(await readdir(join(f.dir, 'photos'))).toEqual([sha256Hex(bytes)]);
    expect((await f.call('housing/photo', { id: first.id })).dataUrl).toBe(`data:image/png;base64,${bytes.toString('base64')}`);
    expect((await f.call('housing/get', { id: a.id })).photos.map((p) => p.id)).toEqual([first.id]);
    await f.call('housing/removePhoto', { id: first.id });
    expect((await f.call('housing/get', { id: a.id })).photos).toEqual([]);
  });

  it('shows the small copy as the thumbnail and the photo at full size; a thumbnail that is no picture is dropped', async () => {
    const { id } = await f.call('housing/save', { repair: { householdNo: 'H001' } });
    const full = pngBytes(3);
    const small = pngBytes(4);
    const withThumb = await f.call('housing/addPhoto', { repairId: id, phase: 'during', fileName: 'b.png', contentBase64: full.toString('base64'), thumbnailBase64: small.toString('base64') });
    expect((await f.call('housing/photo', { id: withThumb.id })).dataUrl).toBe(`data:image/png;base64,${small.toString('base64')}`);
    expect((await f.call('housing/photo', { id: withThumb.id, size: 'full' })).dataUrl).toBe(`data:image/png;base64,${full.toString('base64')}`);
    const badThumb = await f.call('housing/addPhoto', { repairId: id, phase: 'after', fileName: 'c.png', contentBase64: pngBytes(5).toString('base64'), thumbnailBase64: Buffer.from('<svg/>').toString('base64') });
    expect((await f.call('housing/photo', { id: badThumb.id })).dataUrl).toBe(`data:image/png;base64,${pngBytes(5).toString('base64')}`);
    expect((await readdir(join(f.dir, 'photos'))).sort()).toEqual([full, small, pngBytes(5)].map(sha256Hex).sort());
  });

  it('refuses a file that is not a picture, whatever its name', async () => {
    const { id } = await f.call('housing/save', { repair: { householdNo: 'H001' } });
    const error = await f.fail('housing/addPhoto', { repairId: id, phase: 'during', fileName: 'fake.jpg', contentBase64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(error.issues).toEqual([{ field: 'photo', code: 'housing.photoType', params: { name: 'fake.jpg' } }]);
  });
});

describe('housing/delete', () => {
  it('tombstones the repair and its photo records, keeping the file, with the reason audited', async () => {
    const { id } = await f.call('housing/save', { repair: { householdNo: 'H001' } });
    const photo = await f.call('housing/addPhoto', { repairId: id, phase: 'after', fileName: 'a.png', contentBase64: pngBytes(2).toString('base64') });
    await f.call('housing/delete', { id, rowVersion: 1, reason: '重复录入' });
    expect((await f.call('housing/page', { startRow: 0, endRow: 10 })).total).toBe(0);
    expect((await f.fail('housing/photo', { id: photo.id })).kind).toBe('not_found');
    const audit = await f.workstation.db.get<{ reason: string }>("SELECT reason FROM audit_log WHERE table_name = 'housing_photo' AND action = 'delete'");
    expect(audit!.reason).toBe('重复录入');
    expect(await readdir(join(f.dir, 'photos'))).toEqual([sha256Hex(pngBytes(2))]);
    // The household may have a new repair once the mistaken one is gone.
    await f.call('housing/save', { repair: { householdNo: 'H001' } });
  });
});

describe('reports/housingProgress', () => {
  it('counts repairs per village and stage as of the date, and lists what moved since the previous report', async () => {
    await f.call('housing/save', { repair: finishedRepair('H001') });
    await f.call('housing/save', { repair: { householdNo: 'H002', appraisalDate: '2020-06-01', safetyGrade: 'C' } });
    const daily = await f.call('reports/housingProgress', { date: '2020-06-01' });
    expect(daily.previousDate).toBe('2020-05-31');
    expect(daily.totals).toMatchObject({ completed: 1, appraised: 1, awaiting_appraisal: 0 });
    expect(daily.villages.map((v) => [v.villageName, v.total])).toEqual([['张庄村', 1], ['李楼村', 1]]);
    expect(daily.moved.map((m) => [m.householdNo, m.from, m.to])).toEqual([['H001', 'under_construction', 'completed'], ['H002', 'awaiting_appraisal', 'appraised']]);
    const weekly = await f.call('reports/housingProgress', { date: '2020-06-14', period: 'weekly' });
    expect(weekly.previousDate).toBe('2020-06-07');
    expect(weekly.moved.map((m) => [m.householdNo, m.from, m.to])).toEqual([['H001', 'completed', 'accepted']]);
  });

  it('exports the report as an .xlsx', async () => {
    await f.call('housing/save', { repair: finishedRepair('H001') });
    const file = await f.call('reports/housingProgressExport', { date: '2020-06-10' });
    expect(file.fileName).toBe('危房改造进度日报-2020-06-10.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(8).value).toBe('已拨付');
    expect(sheet.getRow(2).getCell(1).value).toBe('张庄村');
    expect(sheet.getRow(2).getCell(7).value).toBe(1);
  });
});
