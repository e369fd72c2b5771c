/** Households and repairs for the housing tests. */
import type { MethodInput } from '../../../shared/contract/index.js';
import { household, member, validId, type Fixture } from '../../test/workstation-fixture.js';

export async function addHousehold(f: Fixture, householdNo: string, headName: string, seq: number, villageCode?: string): Promise<string> {
  const saved = await f.call('households/save', {
    household: household(householdNo, villageCode ? { villageCode } : {}),
    members: [member(headName, validId('19600101', seq), 'head')],
  });
  return saved.id;
}

export type RepairInput = MethodInput<'housing/save'>['repair'];

/** A D-grade house rebuilt in 2020, every step dated in order. */
export function finishedRepair(householdNo: string, extra: Partial<RepairInput> = {}): RepairInput {
  return {
    householdNo, appraisalDate: '2020-03-01', appraisalOrg: '聊城市建筑设计院', safetyGrade: 'D', repairMode: 'rebuild', planYear: 2020,
    subsidyCentralFen: 1_400_000, subsidyProvincialFen: 300_000, subsidyCityFen: 100_000, subsidyCountyFen: 50_000, selfRaisedFen: 20_000,
    publicityVillageDate: '2020-03-05', publicityTownshipDate: '2020-03-10', publicityCountyDate: '2020-03-15',
    startDate: '2020-04-01', completionDate: '2020-06-01', acceptanceDate: '2020-06-10', acceptanceResult: 'passed',
    disbursementDate: '2020-07-01', platePosted: true, archiveNo: 'WG-2020-001', furnitureItems: '橱子、桌子、床', furnitureCostFen: 76_800,
    ...extra,
  };
}

/** The smallest valid PNG header bytes, varied by `n` so each is a different file. */
export function pngBytes(n: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo-${n}`)]);
}
