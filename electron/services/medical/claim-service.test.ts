import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, VILLAGE_B, type Fixture } from '../../test/workstation-fixture.js';
import { countyStay, registerClaimants, ZHANG_ID } from '../../test/medical-fixture.js';

let f: Fixture;
let ids: Awaited<ReturnType<typeof registerClaimants>>;
beforeEach(async () => {
  f = await makeFixture();
  ids = await registerClaimants(f);
});
afterEach(async () => {
  await f.cleanup();
});

const codes = (issues: { field: string; code: string }[] | undefined) => (issues ?? []).map((i) => `${i.field}:${i.code}`);

describe('medical/save', () => {
  it('stores a slip typed as the policy proposes, with derived self-pay and its person', async () => {
    const { claim, warnings } = await f.call('medical/save', { claim: countyStay(ids.张三) });
    expect(warnings).toEqual([]);
    expect(claim).toMatchObject({
      policyYear: 2020, personName: '张三', villageName: '张庄村', householdNo: 'H0001', rowVersion: 1, reviewState: 'draft',
      selfPay: 351_840, inScopeSelfPay: 51_840, selfShareBp: 236, overCeiling: false,
      proposal: { basicInsurance: 1_720_000, criticalIllness: 0, hospitalWaiver: 48_000, medicalAssistance: 302_400, supplementaryCommercial: 77_760, catastrophicReassistance: 0 },
    });
    expect(claim.idNumberMasked).toBe(`${ZHANG_ID.slice(0, 6)}********${ZHANG_ID.slice(-4)}`);
    await f.reopen();
    expect(await f.call('medical/get', { id: claim.id })).toEqual(claim);
    const audit = await f.workstation.db.all<{ table_name: string }>("SELECT table_name FROM audit_log WHERE table_name = 'medical_claim'");
    expect(audit).toHaveLength(1);
  });

  it('re-proposes the person\'s later claims of the year when an earlier one is saved late, and again when it is deleted', async () => {
    const june = (await f.call('medical/save', { claim: countyStay(ids.张三, { admissionDate: '2020-06-01', dischargeDate: '2020-06-09', invoiceNo: 'JUNE' }) })).claim;
    expect(june.warnings).toEqual([]);
    const other = (await f.call('medical/save', { claim: countyStay(ids.李四, { admissionDate: '2020-07-01', dischargeDate: '2020-07-09', invoiceNo: 'LI' }) })).claim;
    // March, typed after June: June is no longer the first stay of the year.
    const march = (await f.call('medical/save', { claim: countyStay(ids.张三, { invoiceNo: 'MARCH' }) })).claim;
    expect(march.proposal).toEqual(june.proposal);
    const juneAfter = await f.call('medical/get', { id: june.id });
    expect(juneAfter.proposal).not.toEqual(june.proposal);
    expect(codes(juneAfter.warnings)).toContain('criticalIllness:medical.differsFromProposal');
    // What was typed stays; the change is audited; another person's claim is untouched.
    expect(juneAfter).toMatchObject({ basicInsurance: june.basicInsurance, criticalIllness: june.criticalIllness, rowVersion: 2 });
    const audit = await f.workstation.db.all<{ after_json: string }>("SELECT after_json FROM audit_log WHERE record_id = ? AND action = 'update'", [june.id]);
    expect(audit).toHaveLength(1);
    expect(Object.keys(JSON.parse(audit[0]!.after_json) as object).every((k) => k.startsWith('proposed_') || k === 'warnings')).toBe(true);
    expect((await f.call('medical/get', { id: other.id })).rowVersion).toBe(1);

    await f.call('medical/delete', { id: march.id, rowVersion: march.rowVersion, reason: '录重' });
    const juneAgain = await f.call('medical/get', { id: june.id });
    expect(juneAgain.proposal).toEqual(june.proposal);
    expect(juneAgain.warnings).toEqual([]);
  });

  it('refuses an unknown person and dates outside the policy year, saving nothing', async () => {
    const unknown = await f.fail('medical/save', { claim: countyStay('0190a0c0-0000-7000-8000-000000000001') });
    expect(codes(unknown.issues)).toEqual(['personId:medical.unknownPerson']);
    const acrossYears = await f.fail('medical/save', { claim: countyStay(ids.张三, { admissionDate: '2019-12-28', dischargeDate: '2020-01-03' }) });
    expect(codes(acrossYears.issues)).toEqual(['admissionDate:medical.dateOutsideYear']);
    const backwards = await f.fail('medical/save', { claim: countyStay(ids.张三, { admissionDate: '2020-03-10', dischargeDate: '2020-03-02' }) });
    expect(codes(backwards.issues)).toEqual(['dischargeDate:medical.dischargeBeforeAdmission']);
    const noRules = await f.fail('medical/save', { claim: countyStay(ids.张三, { admissionDate: '2030-03-02', dischargeDate: '2030-03-10' }) });
    expect(codes(noRules.issues)).toEqual(['policyYear:medical.noPolicyYear']);
    expect((await f.call('medical/page', { startRow: 0, endRow: 100 })).total).toBe(0);
  });

  it('reports every amount error at once', async () => {
    const bad = await f.fail('medical/save', {
      claim: countyStay(ids.张三, { inScopeCost: 2_600_000, basicInsurance: 2_000_000, criticalIllness: 600_000 }),
    });
    expect(codes(bad.issues)).toEqual(['inScopeCost:medical.inScopeExceedsTotal', 'selfPay:medical.layersExceedTotal']);
    const fractions = await f.fail('medical/save', { claim: countyStay(ids.张三, { hospitalWaiver: 480.5, medicalAssistance: -1 }) });
    expect(codes(fractions.issues)).toEqual(['hospitalWaiver:medical.notWholeFen', 'medicalAssistance:money.negative']);
    const in2019 = await f.fail('medical/save', {
      claim: countyStay(ids.张三, { admissionDate: '2019-03-02', dischargeDate: '2019-03-10', catastrophicReassistance: 1000 }),
    });
    expect(codes(in2019.issues)).toContain('catastrophicReassistance:medical.layerNotInYear');
  });

  it('saves with warnings: ceiling, differences from the proposal, not insured', async () => {
    // Only basic insurance typed: in-scope self-pay 4800.00元 = 21.8 % of 22,000.00元.
    const { warnings, claim } = await f.call('medical/save', {
      claim: countyStay(ids.王五, {
        hospitalWaiver: null, medicalAssistance: null, supplementaryCommercial: null,
      }),
    });
    expect(codes(warnings)).toEqual([
      'personId:medical.notInsured', 'selfPay:medical.selfShareAboveCeiling',
      'hospitalWaiver:medical.differsFromProposal', 'medicalAssistance:medical.differsFromProposal',
      'supplementaryCommercial:medical.differsFromProposal',
    ]);
    expect(claim.overCeiling).toBe(true);
    expect(claim.warnings).toEqual(warnings);
    expect(claim.proposal.hospitalWaiver).toBe(48_000);
    expect(claim.hospitalWaiver).toBeNull();
    const flagged = await f.call('medical/page', { startRow: 0, endRow: 10, withWarnings: true });
    expect(flagged.rows.map((r) => r.id)).toEqual([claim.id]);
  });

  it('refuses duplicates with a pointer to the record already entered', async () => {
    const { claim: first } = await f.call('medical/save', { claim: countyStay(ids.张三) });
    const sameInvoice = await f.fail('medical/save', {
      claim: countyStay(ids.李四, { admissionDate: '2020-05-02', dischargeDate: '2020-05-03' }),
    });
    expect(sameInvoice.issues).toEqual([{
      field: 'invoiceNo', code: 'medical.duplicateInvoice',
      params: { invoiceNo: 'FP2020030001', existingId: first.id, existingDate: '2020-03-02', existingHospital: '冠县人民医院', existingPerson: '张三' },
    }]);
    const sameVisit = await f.fail('medical/save', { claim: countyStay(ids.张三, { invoiceNo: 'FP-OTHER' }) });
    expect(codes(sameVisit.issues)).toEqual(['admissionDate:medical.duplicateVisit']);
    expect(sameVisit.issues?.[0]?.params?.existingId).toBe(first.id);
    // Saving the record itself again is no duplicate; its version moves on only when it changes.
    const again = await f.call('medical/save', { claim: { ...countyStay(ids.张三, { diagnosis: '脑梗死' }), id: first.id, rowVersion: 1 } });
    expect(again.claim.rowVersion).toBe(2);
    const stale = await f.fail('medical/save', { claim: { ...countyStay(ids.张三), id: first.id, rowVersion: 1 } });
    expect(stale.kind).toBe('conflict');
  });

  it('proposes from the earlier claims of the year in date order, whatever order they were typed in', async () => {
    // The second stay meets the rest of the 5000元 大病保险 deductible: (4800 − 200) × 65 % = 2990.00元.
    const june = await f.call('medical/save', {
      claim: countyStay(ids.张三, { admissionDate: '2020-06-01', dischargeDate: '2020-06-09', invoiceNo: 'B' }),
    });
    expect(june.claim.proposal.criticalIllness).toBe(0); // typed before March's was known
    await f.call('medical/save', { claim: countyStay(ids.张三, { invoiceNo: 'A' }) });
    const proposeJune = await f.call('medical/propose', {
      claimId: june.claim.id, personId: ids.张三, visitType: 'inpatient', hospitalLevel: 'county', hospitalName: '冠县人民医院',
      admissionDate: '2020-06-01', dischargeDate: '2020-06-09', totalCost: 2_500_000, inScopeCost: 2_200_000, basicInsurance: 1_720_000,
    });
    expect(proposeJune.proposal?.priorClaims).toBe(1);
    expect(proposeJune.proposal?.amounts).toMatchObject({ basicInsurance: 1_720_000, criticalIllness: 299_000, hospitalWaiver: 18_100 });
    expect(proposeJune.errors).toEqual([]);
    // A new claim later in the year sees both.
    const december = await f.call('medical/propose', {
      personId: ids.张三, visitType: 'inpatient', hospitalLevel: 'county', admissionDate: '2020-12-01', dischargeDate: '2020-12-02',
      totalCost: 100_000, inScopeCost: 100_000,
    });
    expect(december.proposal?.priorClaims).toBe(2);
    expect(december.layerFields).toHaveLength(6);
  });

  it('proposes live without saving, and says what saving would refuse', async () => {
    await f.call('medical/save', { claim: countyStay(ids.张三) });
    const partial = await f.call('medical/propose', { totalCost: 100_000, basicInsurance: 30_000, dischargeDate: '2019-05-01' });
    expect(partial).toMatchObject({ policyYear: 2019, selfPay: 70_000, proposal: null, errors: [] });
    expect(partial.layerFields).toHaveLength(5);
    const dup = await f.call('medical/propose', {
      personId: ids.李四, visitType: 'inpatient', hospitalName: '冠县人民医院', invoiceNo: 'FP2020030001',
      admissionDate: '2020-04-01', dischargeDate: '2020-04-02', totalCost: 10_000, inScopeCost: 20_000,
    });
    expect(codes(dup.errors)).toEqual(['inScopeCost:medical.inScopeExceedsTotal', 'invoiceNo:medical.duplicateInvoice']);
    expect((await f.call('medical/page', { startRow: 0, endRow: 100 })).total).toBe(1);
  });

  it('locks submitted claims and deletes drafts with a reason', async () => {
    const { claim } = await f.call('medical/save', { claim: countyStay(ids.张三) });
    expect(await f.call('review/submit', { table: 'medical_claim', ids: [claim.id] })).toEqual({ done: 1, refused: [] });
    const locked = await f.fail('medical/save', { claim: { ...countyStay(ids.张三, { diagnosis: 'x' }), id: claim.id, rowVersion: 2 } });
    expect(codes(locked.issues)).toEqual(['personId:medical.locked']);
    await f.call('review/return', { table: 'medical_claim', ids: [claim.id], reason: '票据号不清' });
    const returned = await f.call('medical/get', { id: claim.id });
    expect(returned).toMatchObject({ reviewState: 'returned', reviewReason: '票据号不清' });
    await f.call('medical/delete', { id: claim.id, rowVersion: returned.rowVersion, reason: '重复录入' });
    expect((await f.call('medical/page', { startRow: 0, endRow: 10 })).total).toBe(0);
    // The invoice number is free again once the record is deleted.
    await f.call('medical/save', { claim: countyStay(ids.张三) });
  });
});

describe('medical/page and medical/findPerson', () => {
  it('filters by year, village, visit type and text, and sorts', async () => {
    await f.call('medical/save', { claim: countyStay(ids.张三) });
    await f.call('medical/save', { claim: countyStay(ids.李四, { invoiceNo: 'LS-1', visitType: 'chronic_outpatient', admissionDate: '2020-04-01', dischargeDate: '2020-04-01' }) });
    await f.call('medical/save', {
      claim: countyStay(ids.王五, { invoiceNo: 'WW-1', hospitalName: '聊城市人民医院', admissionDate: '2019-04-01', dischargeDate: '2019-04-05' }),
    });
    const page = (q: Parameters<typeof f.call<'medical/page'>>[1]) => f.call('medical/page', q);
    expect((await page({ startRow: 0, endRow: 10 })).total).toBe(3);
    expect((await page({ startRow: 0, endRow: 10, policyYear: 2020 })).total).toBe(2);
    expect((await page({ startRow: 0, endRow: 10, villageCode: VILLAGE_B })).rows.map((r) => r.personName)).toEqual(['王五']);
    expect((await page({ startRow: 0, endRow: 10, visitType: 'chronic_outpatient' })).rows.map((r) => r.personName)).toEqual(['李四']);
    expect((await page({ startRow: 0, endRow: 10, quickSearch: '聊城' })).rows.map((r) => r.personName)).toEqual(['王五']);
    expect((await page({ startRow: 0, endRow: 10, quickSearch: 'LS-1' })).rows.map((r) => r.personName)).toEqual(['李四']);
    expect((await page({ startRow: 0, endRow: 10, quickSearch: ZHANG_ID.slice(-6) })).rows.map((r) => r.personName)).toEqual(['张三']);
    const sorted = await page({ startRow: 0, endRow: 2, sort: [{ column: 'admissionDate', direction: 'asc' }] });
    expect(sorted.rows.map((r) => r.personName)).toEqual(['王五', '张三']);
    expect(sorted.total).toBe(3);
  });

  it('finds people by name prefix or ID number with household, village and age', async () => {
    const byName = await f.call('medical/findPerson', { query: '张', onDate: '2020-03-02' });
    expect(byName.candidates).toEqual([expect.objectContaining({
      personId: ids.张三, name: '张三', householdNo: 'H0001', villageName: '张庄村', age: 54, insured: true, headName: '张三',
    })]);
    expect(byName.candidates[0]!.idNumberMasked).not.toContain(ZHANG_ID.slice(6, 14));
    const byId = await f.call('medical/findPerson', { query: ZHANG_ID.slice(0, 10) });
    expect(byId.candidates.map((c) => c.name)).toEqual(['张三']);
    expect((await f.call('medical/findPerson', { query: '王' })).candidates[0]).toMatchObject({ insured: false, villageName: '李楼村' });
  });
});

describe('medical/policy', () => {
  it('lets an administrator change a ratio, audited, and the proposal follows', async () => {
    const before = await f.call('medical/policy/get', { year: 2020 });
    expect(before.years).toEqual([2019, 2020, 2021]);
    const rules = before.rules!;
    const changed = {
      year: 2020, personalShareCeilingBp: 1500, note: '县医保局 2020 年文件',
      layers: rules.layers.map((l) => (l.code === 'hospital_waiver' ? { ...l, ratioBp: 2000 } : l)),
    };
    const after = await f.call('medical/policy/save', { rules: changed, rowVersion: rules.rowVersion });
    expect(after.rules).toMatchObject({ personalShareCeilingBp: 1500, rowVersion: rules.rowVersion + 1, updatedBy: 'tester' });
    expect(after.rules!.layers.find((l) => l.code === 'hospital_waiver')!.ratioBp).toBe(2000);
    const audit = await f.workstation.db.all<{ table_name: string; actor: string; before_json: string; after_json: string }>(
      "SELECT table_name, actor, before_json, after_json FROM audit_log WHERE action = 'update' AND table_name LIKE 'medical_policy%' ORDER BY seq",
    );
    expect(audit.map((a) => [a.table_name, a.actor, JSON.parse(a.after_json)])).toEqual([
      ['medical_policy_year', 'tester', expect.objectContaining({ personal_share_ceiling_bp: 1500 })],
      ['medical_policy_layer', 'tester', { ratio_bp: 2000 }],
    ]);
    const proposed = await f.call('medical/propose', {
      personId: ids.张三, visitType: 'inpatient', hospitalLevel: 'county', admissionDate: '2020-03-02', dischargeDate: '2020-03-10',
      totalCost: 2_500_000, inScopeCost: 2_200_000,
    });
    expect(proposed.proposal?.amounts.hospitalWaiver).toBe(96_000); // 4800 × 20 %
    const stale = await f.fail('medical/policy/save', { rules: changed, rowVersion: rules.rowVersion });
    expect(stale.kind).toBe('conflict');
  });

  it('works out the year\'s stored claims again under changed rules when asked, audited, typed amounts untouched', async () => {
    const march = (await f.call('medical/save', { claim: countyStay(ids.张三, { invoiceNo: 'MARCH' }) })).claim;
    const june = (await f.call('medical/save', { claim: countyStay(ids.张三, { admissionDate: '2020-06-01', dischargeDate: '2020-06-09', invoiceNo: 'JUNE' }) })).claim;
    const in2019 = (await f.call('medical/save', { claim: countyStay(ids.李四, { admissionDate: '2019-05-01', dischargeDate: '2019-05-03', invoiceNo: 'L19' }) })).claim;
    const rules = (await f.call('medical/policy/get', { year: 2020 })).rules!;
    await f.call('medical/policy/save', {
      rules: { year: 2020, personalShareCeilingBp: rules.personalShareCeilingBp, note: rules.note, layers: rules.layers.map((l) => (l.code === 'hospital_waiver' ? { ...l, ratioBp: 2000 } : l)) },
      rowVersion: rules.rowVersion,
    });
    // Saving the rules leaves the stored proposals as they were …
    expect((await f.call('medical/get', { id: march.id })).proposal.hospitalWaiver).toBe(48_000);

    // … until the administrator asks.
    expect(await f.call('medical/policy/repropose', { year: 2020 })).toEqual({ year: 2020, claims: 2, changed: 2 });
    const marchAfter = await f.call('medical/get', { id: march.id });
    expect(marchAfter.proposal.hospitalWaiver).toBe(96_000); // 4800 × 20 %
    expect(marchAfter).toMatchObject({ hospitalWaiver: march.hospitalWaiver, rowVersion: 2 });
    expect(codes(marchAfter.warnings)).toContain('hospitalWaiver:medical.differsFromProposal');
    expect((await f.call('medical/get', { id: june.id })).rowVersion).toBe(2);
    expect((await f.call('medical/get', { id: in2019.id })).rowVersion).toBe(1);
    const audit = await f.workstation.db.all<{ record_id: string; after_json: string }>(
      "SELECT record_id, after_json FROM audit_log WHERE table_name = 'medical_claim' AND action = 'update' ORDER BY seq",
    );
    expect(audit.map((a) => a.record_id).sort()).toEqual([march.id, june.id].sort());
    expect(audit.every((a) => Object.keys(JSON.parse(a.after_json) as object).every((k) => k.startsWith('proposed_') || k === 'warnings'))).toBe(true);

    // Asked again, nothing is left to change; a year without rules is refused with the reason.
    expect(await f.call('medical/policy/repropose', { year: 2020 })).toEqual({ year: 2020, claims: 2, changed: 0 });
    const noRules = await f.fail('medical/policy/repropose', { year: 2030 });
    expect(codes(noRules.issues)).toEqual(['year:medical.noPolicyYear']);
  });

  it('reorders layers and refuses gaps', async () => {
    const rules = (await f.call('medical/policy/get', { year: 2019 })).rules!;
    const swapped = rules.layers.map((l) => (l.position === 3 ? { ...l, position: 4 } : l.position === 4 ? { ...l, position: 3 } : l));
    const saved = await f.call('medical/policy/save', { rules: { year: 2019, personalShareCeilingBp: 1000, note: null, layers: swapped }, rowVersion: null });
    expect(saved.rules!.layers.map((l) => l.code).slice(2, 4)).toEqual(['medical_assistance', 'hospital_waiver']);
    expect(saved.rules!.layers[0]!.rates).toHaveLength(6);
    const gap = await f.fail('medical/policy/save', { rules: { year: 2019, personalShareCeilingBp: 1000, note: null, layers: swapped.slice(1) }, rowVersion: null });
    expect(codes(gap.issues)).toEqual(['layers:medical.policyPositions']);
  });
});
