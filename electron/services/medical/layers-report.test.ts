import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodOutput } from '../../../shared/contract/index.js';
import { household, makeFixture, member, validId, VILLAGE_A, VILLAGE_B, type Fixture } from '../../test/workstation-fixture.js';
import { main } from '../../cli/main.js';
import { dispatch } from '../../api/dispatch.js';
import { readSheet } from '../../sheets/read-sheet.js';
import { formatYuan } from '../../../shared/domain/money.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await f.cleanup();
});

/** mulberry32: deterministic, so a failure can be replayed. */
function random(seed: number) {
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const LAYERS = ['basicInsurance', 'criticalIllness', 'hospitalWaiver', 'medicalAssistance', 'supplementaryCommercial', 'catastrophicReassistance'] as const;
const VISITS = ['inpatient', 'chronic_outpatient', 'general_outpatient'] as const;
type Draft = MethodInput<'medical/save'>['claim'];
type Saved = { draft: Draft; village: string; overCeiling: boolean; selfPay: number; inScopeSelfPay: number };

async function people(count: number): Promise<{ id: string; village: string }[]> {
  const out: { id: string; village: string }[] = [];
  for (let i = 0; i < count; i++) {
    const village = i % 3 === 0 ? VILLAGE_B : VILLAGE_A;
    const saved = await f.call('households/save', {
      household: household(`H${String(i).padStart(4, '0')}`, { villageCode: village }),
      members: [member(`患者${i}`, validId(`19${50 + i}0101`, 11 + 2 * i), 'head')],
    });
    const h = await f.call('households/get', { id: saved.id });
    out.push({ id: h.members[0]!.id, village });
  }
  return out;
}

/** Random slips with arbitrary (not proposed) amounts that still pass every error rule. */
async function generate(n: number): Promise<Saved[]> {
  const rnd = random(20201231);
  const persons = await people(12);
  const saved: Saved[] = [];
  for (let i = 0; i < n; i++) {
    const person = persons[rnd(persons.length)]!;
    const year = 2019 + rnd(2);
    const month = String(1 + rnd(12)).padStart(2, '0');
    const day = String(1 + rnd(20)).padStart(2, '0');
    const totalCost = 1 + rnd(50_000_000);
    const inScopeCost = rnd(totalCost + 1);
    const draft: Draft = {
      personId: person.id, visitType: VISITS[rnd(3)]!, hospitalName: `医院${rnd(4)}`, hospitalLevel: 'county',
      admissionDate: `${year}-${month}-${day}`, dischargeDate: `${year}-${month}-${String(Number(day) + rnd(8)).padStart(2, '0')}`,
      totalCost, inScopeCost, invoiceNo: `INV${i}`, accidentInsurance: rnd(4) === 0 ? rnd(100_000) : null,
    };
    let left = inScopeCost;
    for (const field of LAYERS) {
      if (field === 'catastrophicReassistance' && year === 2019) continue;
      const pick = rnd(5);
      if (pick === 0) continue; // left empty
      const amount = pick === 1 ? 0 : rnd(left + 1);
      draft[field] = amount;
      left -= amount;
    }
    const response = await dispatch(f.workstation.ctx, 'medical/save', { claim: draft });
    if (!response.ok) {
      // Same person, hospital and admission date drawn twice: refused as a duplicate, as it should be.
      expect(response.error.issues?.map((x) => x.code)).toEqual(['medical.duplicateVisit']);
      continue;
    }
    const claim = (response.result as MethodOutput<'medical/save'>).claim;
    saved.push({ draft, village: person.village, overCeiling: claim.overCeiling, selfPay: claim.selfPay, inScopeSelfPay: claim.inScopeSelfPay });
  }
  return saved;
}

/** The report's figures worked out in JavaScript from the entries themselves. */
function expected(entries: Saved[]) {
  const layers = Object.fromEntries(LAYERS.map((field) => {
    const amounts = entries.map((e) => e.draft[field] ?? 0);
    return [field, { visits: amounts.filter((a) => a > 0).length, amountFen: amounts.reduce((s, a) => s + a, 0) }];
  }));
  const sum = (pick: (e: Saved) => number) => entries.reduce((s, e) => s + pick(e), 0);
  const accident = entries.map((e) => e.draft.accidentInsurance ?? 0);
  return {
    claims: entries.length,
    totalCostFen: sum((e) => e.draft.totalCost),
    inScopeCostFen: sum((e) => e.draft.inScopeCost),
    layers,
    accidentInsurance: { visits: accident.filter((a) => a > 0).length, amountFen: accident.reduce((s, a) => s + a, 0) },
    layersTotalFen: sum((e) => LAYERS.reduce((s, field) => s + (e.draft[field] ?? 0), 0)),
    selfPayFen: sum((e) => e.draft.totalCost - LAYERS.reduce((s, field) => s + (e.draft[field] ?? 0), 0)),
    inScopeSelfPayFen: sum((e) => e.inScopeSelfPay),
    overCeiling: entries.filter((e) => e.overCeiling).length,
  };
}

describe('reports/medicalLayers', () => {
  it('adds up to the fen on many random claims: totals, by village, by visit type, by date range', async () => {
    const all = await generate(400);
    expect(all.length).toBeGreaterThan(350);
    for (const year of [2019, 2020]) {
      const entries = all.filter((e) => e.draft.dischargeDate.startsWith(String(year)));
      const report = await f.call('reports/medicalLayers', { year });
      expect(report.totals).toEqual({ key: '', label: '', ...expected(entries) });
      for (const group of report.byVillage) {
        expect(group).toMatchObject(expected(entries.filter((e) => e.village === group.key)));
      }
      expect(report.byVillage.map((g) => g.label)).toEqual(['张庄村', '李楼村']);
      for (const group of report.byVisitType) {
        expect(group).toMatchObject(expected(entries.filter((e) => e.draft.visitType === group.key)));
      }
      expect(report.byVisitType.reduce((s, g) => s + g.claims, 0)).toBe(entries.length);
      expect(report.layerFields).toHaveLength(year === 2019 ? 5 : 6);
    }
    const inRange = all.filter((e) => e.draft.dischargeDate >= '2020-03-01' && e.draft.dischargeDate <= '2020-06-30');
    const range = await f.call('reports/medicalLayers', { from: '2020-03-01', to: '2020-06-30' });
    expect(range.totals).toMatchObject(expected(inRange));
    const village = await f.call('reports/medicalLayers', { year: 2020, villageCode: VILLAGE_B });
    expect(village.totals).toMatchObject(expected(all.filter((e) => e.draft.dischargeDate.startsWith('2020') && e.village === VILLAGE_B)));
  });

  it('leaves deleted claims out, and answers the CLI with the same figures', async () => {
    const all = await generate(30);
    const page = await f.call('medical/page', { startRow: 0, endRow: 1, policyYear: 2020, sort: [{ column: 'admissionDate', direction: 'asc' }] });
    const gone = page.rows[0]!;
    await f.call('medical/delete', { id: gone.id, rowVersion: gone.rowVersion, reason: '测试' });
    const kept = all.filter((e) => e.draft.dischargeDate.startsWith('2020') && e.draft.invoiceNo !== gone.invoiceNo);
    const report = await f.call('reports/medicalLayers', { year: 2020 });
    expect(report.totals).toMatchObject(expected(kept));

    // The CLI opens the same file as a second connection, as it would next to a running app.
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    expect(await main(['report', '--db', f.file, '--kind', 'medical-layers', '--year', '2020', '--json'])).toBe(0);
    const printed = JSON.parse(out.join('\n')) as { ok: boolean; report: typeof report };
    expect(printed.report.totals).toEqual(report.totals);
    out.length = 0;
    expect(await main(['report', '--db', f.file, '--kind', 'medical-layers', '--year', '2020'])).toBe(0);
    expect(out[0]).toBe('医疗报销分层统计（2020 年度）');
    expect(out.some((l) => l.startsWith('  重特大疾病再救助：'))).toBe(true);
    expect(await main(['report', '--db', f.file, '--kind', 'medical-layers'])).toBe(2);
  });

  it('exports the table as .xlsx with the same figures', async () => {
    await generate(30);
    const report = await f.call('reports/medicalLayers', { year: 2019 });
    const file = await f.call('reports/medicalLayersExport', { year: 2019 });
    expect(file.fileName).toBe('2019年医疗报销分层统计.xlsx');
    const sheet = await readSheet(Buffer.from(file.contentBase64, 'base64'), file.fileName);
    // 2019 has five layers: 5 + 1 (accident) pairs of 人次/金额 between the costs and self-pay.
    expect(sheet.headers).toHaveLength(5 + 2 * 6 + 2);
    expect(sheet.headers.slice(5, 7)).toEqual(['基本医疗保险人次', '基本医疗保险金额（元）']);
    const total = sheet.rows.at(-1)!.cells;
    expect(total.slice(0, 5)).toEqual(['合计', '', String(report.totals.claims), formatYuan(report.totals.totalCostFen), formatYuan(report.totals.inScopeCostFen)]);
    expect(total.at(-2)).toBe(formatYuan(report.totals.selfPayFen));
    expect(sheet.rows.map((r) => r.cells[1])).toEqual(['张庄村', '李楼村', ...report.byVisitType.map((g) => ({ inpatient: '住院', chronic_outpatient: '门诊慢病', general_outpatient: '普通门诊' })[g.key]), '']);
  });
});
