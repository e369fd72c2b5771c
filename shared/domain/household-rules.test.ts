import { describe, expect, it } from 'vitest';
import { validateHousehold, validateMember } from './household-rules.js';
import { idCheckChar } from './id-number.js';
import type { HouseholdDraft, MemberDraft } from '../contract/households.js';

const TODAY = '2024-06-15';

function makeId(birth: string, seq: string): string {
  const first17 = `371502${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

const HEAD_ID = makeId('19650310', '011'); // male
const SPOUSE_ID = makeId('19680721', '022'); // female
const CHILD_ID = makeId('19920105', '033');

function household(over: Partial<HouseholdDraft> = {}): HouseholdDraft {
  return {
    householdNo: 'H0001',
    villageCode: '371502100201',
    status: 'registered_poor',
    exitYear: 2019,
    cause: 'illness',
    dibao: false,
    tekun: false,
    helperName: '王帮扶',
    helperUnit: '镇政府',
    helperPhone: '0635-8888888',
    bankAccount: null,
    address: null,
    note: null,
    ...over,
  };
}

function member(over: Partial<MemberDraft> = {}): MemberDraft {
  return {
    name: '张三',
    idNumber: HEAD_ID,
    relation: 'head',
    health: 'healthy',
    disabilityType: null,
    disabilityGrade: null,
    laborAbility: null,
    schoolStatus: null,
    insured: true,
    phone: null,
    removalReason: null,
    ...over,
  };
}

const family = (): MemberDraft[] => [
  member(),
  member({ name: '李四', idNumber: SPOUSE_ID, relation: 'spouse' }),
  member({ name: '张小三', idNumber: CHILD_ID, relation: 'son' }),
];

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateMember', () => {
  it('accepts a complete member', () => {
    expect(validateMember(member(), 0, TODAY)).toEqual([]);
  });

  it('requires a name', () => {
    expect(validateMember(member({ name: '  ' }), 1, TODAY)).toEqual([{ field: 'members.1.name', code: 'required' }]);
  });

  it('checks the ID number and names the member row in the field', () => {
    const bad = HEAD_ID.slice(0, 17) + (HEAD_ID.endsWith('1') ? '2' : '1');
    expect(validateMember(member({ idNumber: bad }), 2, TODAY)).toEqual([
      { field: 'members.2.idNumber', code: 'idNumber.checksum', params: { expected: HEAD_ID.charAt(17), actual: bad.charAt(17) } },
    ]);
    expect(validateMember(member({ idNumber: '' }), 0, TODAY)).toEqual([{ field: 'members.0.idNumber', code: 'required' }]);
  });

  it('passes `today` on to the ID check', () => {
    const baby = makeId('20240616', '044');
    expect(codes(validateMember(member({ idNumber: baby }), 0, TODAY))).toEqual(['idNumber.birthDateFuture']);
    expect(validateMember(member({ idNumber: baby }), 0, '2024-06-16')).toEqual([]);
  });

  it('refuses a legacy 15-digit number', () => {
    expect(codes(validateMember(member({ idNumber: '371502650310011' }), 0, TODAY))).toEqual(['idNumber.legacy15']);
  });

  it('requires disability type and grade when the health status is disabled', () => {
    expect(validateMember(member({ health: 'disabled' }), 3, TODAY)).toEqual([
      { field: 'members.3.disabilityType', code: 'person.disabilityTypeRequired' },
      { field: 'members.3.disabilityGrade', code: 'person.disabilityGradeRequired' },
    ]);
    expect(validateMember(member({ health: 'disabled', disabilityType: 'physical' }), 0, TODAY)).toEqual([
      { field: 'members.0.disabilityGrade', code: 'person.disabilityGradeRequired' },
    ]);
    expect(validateMember(member({ health: 'disabled', disabilityGrade: '2' }), 0, TODAY)).toEqual([
      { field: 'members.0.disabilityType', code: 'person.disabilityTypeRequired' },
    ]);
    expect(validateMember(member({ health: 'disabled', disabilityType: 'physical', disabilityGrade: '2' }), 0, TODAY)).toEqual([]);
  });

  it('refuses a disability type or grade without the disabled health status', () => {
    expect(validateMember(member({ disabilityType: 'visual' }), 1, TODAY)).toEqual([
      { field: 'members.1.health', code: 'person.disabilityWithoutHealth' },
    ]);
    expect(codes(validateMember(member({ health: 'chronic', disabilityGrade: '4' }), 1, TODAY))).toEqual(['person.disabilityWithoutHealth']);
    expect(codes(validateMember(member({ health: 'serious', disabilityType: 'mental', disabilityGrade: '1' }), 1, TODAY))).toEqual([
      'person.disabilityWithoutHealth',
    ]);
  });

  it('checks the phone number when one is given', () => {
    expect(validateMember(member({ phone: '13800138000' }), 0, TODAY)).toEqual([]);
    expect(validateMember(member({ phone: '0635-8888888' }), 0, TODAY)).toEqual([]);
    expect(validateMember(member({ phone: '+86 138 0013 8000' }), 0, TODAY)).toEqual([]);
    expect(validateMember(member({ phone: null }), 0, TODAY)).toEqual([]);
    expect(validateMember(member({ phone: 'abc1234567' }), 4, TODAY)).toEqual([{ field: 'members.4.phone', code: 'phone.format' }]);
    expect(codes(validateMember(member({ phone: '12345' }), 0, TODAY))).toEqual(['phone.format']);
    expect(codes(validateMember(member({ phone: '1'.repeat(21) }), 0, TODAY))).toEqual(['phone.format']);
  });

  it('reports every problem of a member at once', () => {
    const issues = validateMember(member({ name: '', idNumber: '123', health: 'disabled', phone: 'x' }), 0, TODAY);
    expect(codes(issues)).toEqual(['required', 'idNumber.format', 'person.disabilityTypeRequired', 'person.disabilityGradeRequired', 'phone.format']);
  });
});

describe('validateHousehold', () => {
  it('accepts a valid household', () => {
    expect(validateHousehold(household(), family(), TODAY)).toEqual([]);
  });

  it('accepts a household whose only member is the head', () => {
    expect(validateHousehold(household(), [member()], TODAY)).toEqual([]);
  });

  it('requires a household number', () => {
    expect(validateHousehold(household({ householdNo: ' ' }), family(), TODAY)).toEqual([{ field: 'householdNo', code: 'required' }]);
  });

  it('checks the helper phone', () => {
    expect(validateHousehold(household({ helperPhone: 'call me' }), family(), TODAY)).toEqual([{ field: 'helperPhone', code: 'phone.format' }]);
    expect(validateHousehold(household({ helperPhone: null }), family(), TODAY)).toEqual([]);
  });

  it('refuses an exit year after this year', () => {
    expect(validateHousehold(household({ exitYear: 2025 }), family(), TODAY)).toEqual([
      { field: 'exitYear', code: 'household.exitYearFuture', params: { year: 2025 } },
    ]);
    expect(validateHousehold(household({ exitYear: 2024 }), family(), TODAY)).toEqual([]);
    expect(validateHousehold(household({ exitYear: null }), family(), TODAY)).toEqual([]);
  });

  it('needs at least one member (and then does not also ask for a head)', () => {
    expect(validateHousehold(household(), [], TODAY)).toEqual([{ field: 'members', code: 'household.noMembers' }]);
  });

  it('needs a head', () => {
    const members = family().map((m) => (m.relation === 'head' ? { ...m, relation: 'other' as const } : m));
    expect(validateHousehold(household(), members, TODAY)).toEqual([{ field: 'members', code: 'household.noHead' }]);
  });

  it('refuses two heads', () => {
    const members = family();
    members[1] = { ...members[1]!, relation: 'head' };
    expect(validateHousehold(household(), members, TODAY)).toEqual([{ field: 'members', code: 'household.manyHeads', params: { count: 2 } }]);
  });

  it('does not count a removed head', () => {
    // The old head died; the spouse is the new head: fine.
    const members = family();
    members[0] = { ...members[0]!, removalReason: 'death' };
    members[1] = { ...members[1]!, relation: 'head' };
    expect(validateHousehold(household(), members, TODAY)).toEqual([]);

    // The only head moved out and nobody took over: no head.
    const orphaned = family();
    orphaned[0] = { ...orphaned[0]!, removalReason: 'moved_out' };
    expect(validateHousehold(household(), orphaned, TODAY)).toEqual([{ field: 'members', code: 'household.noHead' }]);
  });

  it('reports a duplicate ID within the household, naming the first row', () => {
    const members = [...family(), member({ name: '张三（重复）', idNumber: SPOUSE_ID, relation: 'other' })];
    expect(validateHousehold(household(), members, TODAY)).toEqual([
      { field: 'members.3.idNumber', code: 'idNumber.duplicateInHousehold', params: { row: 2 } },
    ]);
  });

  it('names the first row for every later copy, and sees through case and spacing', () => {
    const withX = '11010519491231002X';
    const members = [
      member({ idNumber: withX }),
      member({ name: 'b', idNumber: CHILD_ID, relation: 'son' }),
      member({ name: 'c', idNumber: ' 11010519491231002x ', relation: 'son' }),
      member({ name: 'd', idNumber: '１１０１０５１９４９１２３１００２Ｘ', relation: 'son' }),
    ];
    expect(validateHousehold(household(), members, TODAY)).toEqual([
      { field: 'members.2.idNumber', code: 'idNumber.duplicateInHousehold', params: { row: 1 } },
      { field: 'members.3.idNumber', code: 'idNumber.duplicateInHousehold', params: { row: 1 } },
    ]);
  });

  it('puts each member problem under that member', () => {
    const members = family();
    members[2] = { ...members[2]!, health: 'disabled' };
    expect(validateHousehold(household(), members, TODAY)).toEqual([
      { field: 'members.2.disabilityType', code: 'person.disabilityTypeRequired' },
      { field: 'members.2.disabilityGrade', code: 'person.disabilityGradeRequired' },
    ]);
  });

  it('passes `today` on to the member checks', () => {
    const baby = member({ name: '婴儿', idNumber: makeId('20240616', '044'), relation: 'grandson' });
    expect(codes(validateHousehold(household(), [...family(), baby], TODAY))).toEqual(['idNumber.birthDateFuture']);
    expect(validateHousehold(household(), [...family(), baby], '2024-06-16')).toEqual([]);
  });

  it('reports household, member, duplicate and head problems together', () => {
    const members = [
      member({ relation: 'spouse', phone: 'bad' }),
      member({ name: '', idNumber: SPOUSE_ID, relation: 'son' }),
      member({ name: 'x', idNumber: HEAD_ID, relation: 'son' }),
    ];
    expect(validateHousehold(household({ householdNo: '' }), members, TODAY)).toEqual([
      { field: 'householdNo', code: 'required' },
      { field: 'members.0.phone', code: 'phone.format' },
      { field: 'members.1.name', code: 'required' },
      { field: 'members.2.idNumber', code: 'idNumber.duplicateInHousehold', params: { row: 1 } },
      { field: 'members', code: 'household.noHead' },
    ]);
  });
});
