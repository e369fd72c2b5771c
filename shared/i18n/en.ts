import type { Messages } from './zh-CN.js';

type DeepPartialStrings<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartialStrings<T[K]> };

/** English, the second language; anything missing falls back to Chinese. */
export const en: DeepPartialStrings<Messages> = {
  app: { title: 'Taizhang', subtitle: 'Poverty-alleviation ledger workstation' },
  field: {
    householdNo: 'Household no.', villageCode: 'Village', villageName: 'Village', status: 'Household type',
    exitYear: 'Exit year', cause: 'Main cause', dibao: 'Dibao', tekun: 'Extreme-poverty support',
    helperName: 'Helper', helperUnit: 'Helper unit', helperPhone: 'Helper phone', bankAccount: 'Subsidy card',
    address: 'Address', note: 'Note', members: 'Members', name: 'Name', idNumber: 'ID number',
    relation: 'Relation to head', health: 'Health', disabilityType: 'Disability type',
    disabilityGrade: 'Disability grade', laborAbility: 'Labour ability', schoolStatus: 'Schooling',
    insured: 'Basic medical insurance', phone: 'Phone', removalReason: 'Reason removed', sex: 'Sex',
    birthDate: 'Birth date', age: 'Age', headName: 'Head', headIdMasked: 'Head ID', memberCount: 'Members',
    updatedAt: 'Updated', orgCode: 'Township code', orgName: 'Township name', operatorName: 'Operator',
    code: 'Village code', reason: 'Reason', file: 'File', amount: 'Amount',
  },
  issue: {
    required: 'required',
    invalid: 'invalid format',
    'idNumber.format': 'must be 18 characters (17 digits and a check character), has {{length}}',
    'idNumber.badChar': 'character {{position}} ("{{char}}") is not allowed: 17 digits, then a digit or X',
    'idNumber.checksum': 'wrong check character: expected {{expected}}, got {{actual}}',
    'idNumber.birthDateInvalid': 'birth date does not exist: {{date}}',
    'idNumber.birthDateFuture': 'birth date is in the future: {{date}}',
    'idNumber.legacy15': 'legacy 15-digit number; its 18-digit form is {{upgrade}}, confirm and use it',
    'idNumber.heldByOther': 'already held by {{personName}} of household {{householdNo}} (head {{headName}})',
    'household.noHead': 'needs exactly one head; there is none',
    'household.manyHeads': 'needs exactly one head; there are {{count}}',
  },
  error: {
    validation: '{{count}} problem(s) to fix; nothing was saved',
    conflict: 'Someone else changed this record (version {{current}}); reopen it',
    not_found: 'Record not found',
    internal: 'Something went wrong; it was logged',
  },
  memberLabel: 'member {{n}}',
  rowLabel: 'row {{row}}',
  issueLine: '{{where}}: {{reason}}',
};
