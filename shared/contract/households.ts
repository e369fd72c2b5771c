import { z } from 'zod';
import { method } from './define.js';
import { enumOf, ok, optionalText, recordId, rowVersion, villageCode } from './common.js';
import { reviewState } from './review.js';

export const memberDraft = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  name: z.string().trim().max(50),
  idNumber: z.string().trim().max(30),
  relation: enumOf('relation'),
  health: enumOf('health').default('healthy'),
  disabilityType: enumOf('disabilityType').nullable().default(null),
  disabilityGrade: enumOf('disabilityGrade').nullable().default(null),
  laborAbility: enumOf('laborAbility').nullable().default(null),
  schoolStatus: enumOf('schoolStatus').nullable().default(null),
  insured: z.boolean().default(true),
  phone: optionalText(30),
  removalReason: enumOf('removalReason').nullable().default(null),
});
export type MemberDraft = z.output<typeof memberDraft>;

export const householdDraft = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  householdNo: z.string().trim().max(30),
  villageCode,
  status: enumOf('householdStatus'),
  exitYear: z.number().int().min(2013).max(2100).nullable().default(null),
  cause: enumOf('povertyCause').nullable().default(null),
  dibao: z.boolean().default(false),
  tekun: z.boolean().default(false),
  helperName: optionalText(30),
  helperUnit: optionalText(60),
  helperPhone: optionalText(30),
  bankAccount: optionalText(40),
  address: optionalText(120),
  note: optionalText(500),
});
export type HouseholdDraft = z.output<typeof householdDraft>;

export const member = memberDraft.extend({
  id: recordId,
  rowVersion,
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
});
export type Member = z.output<typeof member>;

export const household = householdDraft.extend({
  id: recordId,
  rowVersion,
  villageName: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  createdBy: z.string(),
  reviewState,
  reviewReason: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  members: z.array(member),
});
export type Household = z.output<typeof household>;

/** One line of the household list; ID and card numbers arrive masked. */
export const householdRow = z.object({
  id: recordId,
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  status: z.string(),
  cause: z.string().nullable(),
  headName: z.string().nullable(),
  headIdMasked: z.string().nullable(),
  memberCount: z.number().int(),
  dibao: z.boolean(),
  tekun: z.boolean(),
  helperName: z.string().nullable(),
  updatedAt: z.string(),
  createdBy: z.string(),
  reviewState,
  reviewReason: z.string().nullable(),
  /** Members the county's last receipt rejected (names), so the list shows them on the household's row. */
  rejectedMembers: z.array(z.string()),
});
export type HouseholdRow = z.output<typeof householdRow>;

/** `reviewState` sorts returned records first, then drafts, submitted, approved. */
export const householdSortColumns = ['householdNo', 'villageName', 'status', 'headName', 'memberCount', 'helperName', 'updatedAt', 'reviewState'] as const;
export const householdTextFilterColumns = ['householdNo', 'headName', 'helperName', 'villageName'] as const;

export const householdPageQuery = z.object({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
  sort: z.array(z.object({ column: z.enum(householdSortColumns), direction: z.enum(['asc', 'desc']) })).max(3).default([]),
  /** Matches 户主姓名, any member's ID number or name, or 户编号. */
  quickSearch: z.string().trim().max(40).default(''),
  villageCode: villageCode.nullable().default(null),
  status: enumOf('householdStatus').nullable().default(null),
  reviewState: reviewState.nullable().default(null),
  textFilters: z
    .array(z.object({
      column: z.enum(householdTextFilterColumns),
      type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith']),
      value: z.string().max(60),
    }))
    .max(8)
    .default([]),
  memberCountFilter: z.object({ type: z.enum(['equals', 'greaterThan', 'lessThan']), value: z.number().int() }).nullable().default(null),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, { message: 'page.range', path: ['endRow'] });
export type HouseholdPageQuery = z.input<typeof householdPageQuery>;

export const idHolder = z.object({
  householdId: recordId,
  householdNo: z.string(),
  headName: z.string().nullable(),
  personId: recordId,
  personName: z.string(),
});
export type IdHolder = z.output<typeof idHolder>;

export const householdApi = {
  'households/page': method(householdPageQuery, z.object({ rows: z.array(householdRow), total: z.number().int() })),
  'households/get': method(z.object({ id: recordId }), household),
  'households/save': method(
    z.object({ household: householdDraft, members: z.array(memberDraft).max(40) }),
    z.object({ id: recordId, rowVersion }),
  ),
  /** Tombstones the household and its members; the reason is kept in the audit trail. */
  'households/delete': method(z.object({ id: recordId, rowVersion, reason: z.string().trim().min(1).max(200) }), ok),
  /** Shows one full ID or bank-card number to a role with the right; every reveal is audited. */
  'persons/reveal': method(
    z.object({ householdId: recordId, personId: recordId.nullable().default(null), field: z.enum(['idNumber', 'bankAccount']) }),
    z.object({ value: z.string().nullable() }),
  ),
  /** Who holds this ID number, for the live check while typing. */
  'persons/idHolder': method(z.object({ idNumber: z.string().max(30) }), idHolder.nullable()),
} as const;
