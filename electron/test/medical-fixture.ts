/** Households and claims for medical tests, on top of the workstation fixture. */
import type { MethodInput } from '../../shared/contract/index.js';
import { household, member, validId, VILLAGE_B, type Fixture } from './workstation-fixture.js';

export const ZHANG_ID = validId('19650312', 11);
export const LI_ID = validId('19680720', 22);
export const WANG_ID = validId('19500101', 33);

/** 张三 and 李四 in 张庄村 (H0001); 王五, not insured, in 李楼村 (H0002). Returns person ids by name. */
export async function registerClaimants(f: Fixture): Promise<Record<'张三' | '李四' | '王五', string>> {
  const a = await f.call('households/save', {
    household: household('H0001'),
    members: [member('张三', ZHANG_ID, 'head'), member('李四', LI_ID, 'spouse')],
  });
  const b = await f.call('households/save', {
    household: household('H0002', { villageCode: VILLAGE_B }),
    members: [member('王五', WANG_ID, 'head', { insured: false })],
  });
  const ha = await f.call('households/get', { id: a.id });
  const hb = await f.call('households/get', { id: b.id });
  const byName = Object.fromEntries([...ha.members, ...hb.members].map((m) => [m.name, m.id]));
  return byName as Record<'张三' | '李四' | '王五', string>;
}

type Draft = MethodInput<'medical/save'>['claim'];

/**
 * A 2020 county-hospital stay: total 25,000.00元, in-scope 22,000.00元, amounts as the example
 * rules propose for a first claim of the year (see layer-calculator.test.ts).
 */
export function countyStay(personId: string, extra: Partial<Draft> = {}): Draft {
  return {
    personId, visitType: 'inpatient', hospitalName: '冠县人民医院', hospitalLevel: 'county',
    admissionDate: '2020-03-02', dischargeDate: '2020-03-10', diagnosis: 'I63.9 脑梗死',
    totalCost: 2_500_000, inScopeCost: 2_200_000,
    basicInsurance: 1_720_000, criticalIllness: 0, hospitalWaiver: 48_000, medicalAssistance: 302_400,
    supplementaryCommercial: 77_760, catastrophicReassistance: 0,
    invoiceNo: 'FP2020030001', settlementDate: '2020-03-10',
    ...extra,
  };
}
