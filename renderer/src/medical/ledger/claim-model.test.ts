import { describe, expect, it } from 'vitest';
import type { ClaimantCandidate, ProposeOutput } from '../../../../shared/contract/medical.js';
import { checkRow, draftOf, isBlankDraft, isDirty, newDraft, proposalOf, proposeInputOf, withPerson, withValue, type ClaimRow } from './claim-model.js';

const PERSON: ClaimantCandidate = {
  personId: '01900000-0000-7000-8000-000000000001', name: '张三', idNumberMasked: '371502********0117', sex: 'male',
  birthDate: '1955-03-12', age: 65, insured: true, removed: false, householdId: '01900000-0000-7000-8000-000000000002',
  householdNo: '3715021002010001', headName: '张三', villageCode: '371502100201', villageName: '张庄村',
};

function typed(values: Partial<ClaimRow['values']>, person: ClaimantCandidate | null = PERSON): ClaimRow {
  let row = withPerson(newDraft(), person);
  for (const [field, value] of Object.entries(values)) row = withValue(row, field as never, value!);
  return row;
}

const SLIP = {
  visitType: 'inpatient', hospitalName: '县人民医院', hospitalLevel: 'county', admissionDate: '2020-03-02', dischargeDate: '2020-03-10',
  totalCost: '10,000', inScopeCost: '9000.00', basicInsurance: '6800',
};

describe('checkRow', () => {
  it('works out self-pay and its share of the in-scope cost while typing', () => {
    const check = checkRow(typed(SLIP));
    expect(check.errors).toEqual([]);
    expect(check.selfPayFen).toBe(320_000);
    expect(check.selfShareBp).toBe(2444);
    expect(check.overCeiling).toBe(true);
  });

  it('reports money it cannot read, and a discharge before the admission, at once', () => {
    const check = checkRow(typed({ ...SLIP, basicInsurance: '12.345', dischargeDate: '2020-03-01' }));
    expect(check.errors.map((i) => [i.field, i.code])).toEqual([
      ['dischargeDate', 'medical.dischargeBeforeAdmission'],
      ['basicInsurance', 'money.tooManyDecimals'],
    ]);
    expect(check.selfPayFen).toBeNull();
  });

  it('leaves missing fields alone until a save is tried', () => {
    const row = typed({ hospitalName: '县人民医院' }, null);
    expect(checkRow(row).errors).toEqual([]);
    const codes = checkRow({ ...row, attempted: true }).errors.map((i) => `${i.field}:${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['personId:required', 'admissionDate:required', 'totalCost:required']));
  });

  it('says a typed but unpicked person is unknown', () => {
    const row = withPerson(newDraft(), null, '王五');
    expect(checkRow(row).errors).toEqual([{ field: 'personId', code: 'medical.unknownPerson', params: { query: '王五' } }]);
  });

  it('merges the main process word only while it answers the row as typed', () => {
    const row = typed(SLIP);
    const live: ProposeOutput = {
      policyYear: 2020, layerFields: ['basicInsurance'], personalShareCeilingBp: 3000, proposal: null, selfPay: 320_000,
      inScopeSelfPay: 220_000, selfShareBp: 2444, overCeiling: false, errors: [],
      warnings: [{ field: 'basicInsurance', code: 'medical.differsFromProposal', params: { typed: '6800.00', proposed: '6500.00' } }],
    };
    const answered = { ...row, live, liveFor: JSON.stringify(proposeInputOf(row)) };
    expect(checkRow(answered).warnings.map((w) => w.code)).toEqual(['medical.differsFromProposal']);
    // The year's own ceiling (30 %) replaces the default 10 %.
    expect(checkRow(answered).overCeiling).toBe(false);
    const edited = withValue(answered, 'basicInsurance', '6500');
    expect(checkRow(edited).warnings).toEqual([]);
  });
});

describe('draftOf', () => {
  it('sends amounts in fen and empty layers as null', () => {
    const row = typed({ ...SLIP, invoiceNo: ' FP-1 ' });
    const draft = draftOf(row, checkRow(row));
    expect(draft).toMatchObject({
      personId: PERSON.personId, visitType: 'inpatient', hospitalLevel: 'county', totalCost: 1_000_000, inScopeCost: 900_000,
      basicInsurance: 680_000, criticalIllness: null, accidentInsurance: null, invoiceNo: 'FP-1', settlementDate: null,
    });
  });

  it('has nothing to send without a person', () => {
    const row = typed(SLIP, null);
    expect(draftOf(row, checkRow(row))).toBeNull();
  });
});

describe('drafts', () => {
  it('a new line carrying the line above is still blank until typed in', () => {
    const line = newDraft({ visitType: 'chronic_outpatient', hospitalName: '东城卫生院' });
    expect(isBlankDraft(line)).toBe(true);
    expect(isDirty(withValue(line, 'totalCost', '5'))).toBe(true);
  });

  it('shows no proposal for an edited saved row until the main process answers again', () => {
    const saved = { ...typed(SLIP), savedValues: typed(SLIP).values, savedPersonId: PERSON.personId, savedProposal: { basicInsurance: 680_000, criticalIllness: 0, hospitalWaiver: 0, medicalAssistance: 0, supplementaryCommercial: 0, catastrophicReassistance: null } };
    expect(proposalOf(saved)?.basicInsurance).toBe(680_000);
    expect(proposalOf(withValue(saved, 'totalCost', '12000'))).toBeNull();
  });
});
