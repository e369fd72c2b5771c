/**
 * 教育资助 (school aid): records per student, batch entry, the standards and age ranges, and
 * the yearly report. Money crosses as integer fen on the way out; on the way in the clerk's
 * text ("1,500.00", "625元") is parsed in the main process, so a bad amount is a field error.
 */
import { z } from 'zod';
import { method } from './define.js';
import { enumOf, fieldIssue, fileDownload, ok, optionalText, recordId, rowVersion, villageCode } from './common.js';
import { reviewState } from './review.js';

const amountInput = z.union([z.string().trim().max(30), z.number()]);
const dateText = z.string().trim().max(20).nullable().default(null);

export const schoolAidDraft = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  /** The student, by ID number (what the clerk has on the school's list). */
  idNumber: z.string().trim().max(30),
  schoolYear: z.string().trim().max(20),
  schoolTerm: enumOf('schoolTerm'),
  schoolStage: enumOf('schoolStage'),
  schoolName: optionalText(60),
  aidItem: enumOf('schoolAidItem'),
  amount: amountInput,
  paidDate: dateText,
  outOfProvince: z.boolean().default(false),
  note: optionalText(200),
});
export type SchoolAidDraft = z.input<typeof schoolAidDraft>;

export const schoolAid = z.object({
  id: recordId,
  rowVersion,
  personId: recordId,
  personName: z.string(),
  /** Masked unless the caller may reveal. */
  idNumber: z.string(),
  householdNo: z.string(),
  villageName: z.string(),
  schoolYear: z.string(),
  schoolTerm: enumOf('schoolTerm'),
  aidYear: z.number().int(),
  schoolStage: enumOf('schoolStage'),
  schoolName: z.string().nullable(),
  aidItem: enumOf('schoolAidItem'),
  amountFen: z.number().int(),
  paidDate: z.string().nullable(),
  outOfProvince: z.boolean(),
  note: z.string().nullable(),
  warnings: z.array(fieldIssue),
  reviewState,
  reviewReason: z.string().nullable(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type SchoolAid = z.output<typeof schoolAid>;

export const schoolAidRow = schoolAid.omit({ note: true });
export type SchoolAidRow = z.output<typeof schoolAidRow>;

export const schoolSortColumns = ['personName', 'householdNo', 'villageName', 'schoolYear', 'schoolTerm', 'schoolStage', 'schoolName', 'aidItem', 'amountFen', 'paidDate', 'updatedAt', 'reviewState'] as const;

export const schoolPageQuery = z.object({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
  sort: z.array(z.object({ column: z.enum(schoolSortColumns), direction: z.enum(['asc', 'desc']) })).max(3).default([]),
  /** Matches the student's name or ID number, the school, or the 户编号. */
  quickSearch: z.string().trim().max(40).default(''),
  aidYear: z.number().int().min(2000).max(2100).nullable().default(null),
  schoolYear: z.string().trim().max(20).nullable().default(null),
  schoolTerm: enumOf('schoolTerm').nullable().default(null),
  schoolStage: enumOf('schoolStage').nullable().default(null),
  aidItem: enumOf('schoolAidItem').nullable().default(null),
  villageCode: villageCode.nullable().default(null),
  reviewState: reviewState.nullable().default(null),
  onlyWarnings: z.boolean().default(false),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, { message: 'page.range', path: ['endRow'] });

export const saveResult = z.object({ id: recordId, rowVersion, warnings: z.array(fieldIssue) });

export const batchRow = z.object({
  idNumber: z.string().trim().max(30),
  amount: amountInput,
  schoolName: optionalText(60),
});

export const schoolBatch = z.object({
  schoolYear: z.string().trim().max(20),
  schoolTerm: enumOf('schoolTerm'),
  schoolStage: enumOf('schoolStage'),
  aidItem: enumOf('schoolAidItem'),
  schoolName: optionalText(60),
  paidDate: dateText,
  outOfProvince: z.boolean().default(false),
  rows: z.array(batchRow).min(1).max(500),
});

export const batchRowResult = z.object({
  index: z.number().int(),
  saved: z.boolean(),
  id: recordId.nullable(),
  personName: z.string().nullable(),
  errors: z.array(fieldIssue),
  warnings: z.array(fieldIssue),
});

export const standardRow = z.object({
  stage: enumOf('schoolStage'),
  item: enumOf('schoolAidItem'),
  term: enumOf('schoolTerm'),
  amountFen: z.number().int(),
});
export const stageAgeRow = z.object({ stage: enumOf('schoolStage'), minAge: z.number().int(), maxAge: z.number().int() });

export const schoolStandards = z.object({
  year: z.number().int().min(2000).max(2100),
  /** The years that have standards, newest first. */
  years: z.array(z.number().int()),
  standards: z.array(standardRow),
  ageRanges: z.array(stageAgeRow),
  /** The seeded rows say 示例值: the screen asks for the local figures. */
  example: z.boolean(),
});

export const schoolReportLine = z.object({
  stage: enumOf('schoolStage'),
  item: enumOf('schoolAidItem'),
  /** 人次: records. */
  count: z.number().int(),
  /** 人: distinct students. */
  persons: z.number().int(),
  amountFen: z.number().int(),
  outOfProvinceCount: z.number().int(),
  outOfProvinceAmountFen: z.number().int(),
});
const reportTotal = z.object({ count: z.number().int(), persons: z.number().int(), amountFen: z.number().int() });

export const schoolReport = z.object({
  year: z.number().int(),
  lines: z.array(schoolReportLine),
  byStage: z.array(reportTotal.extend({ stage: enumOf('schoolStage') })),
  byItem: z.array(reportTotal.extend({ item: enumOf('schoolAidItem') })),
  outOfProvince: reportTotal,
  total: reportTotal,
});
export type SchoolReport = z.output<typeof schoolReport>;

export const schoolApi = {
  'school/page': method(schoolPageQuery, z.object({ rows: z.array(schoolAidRow), total: z.number().int(), amountFen: z.number().int() })),
  'school/get': method(z.object({ id: recordId }), schoolAid),
  /** Refuses an unknown student, a bad amount or date, a duplicate (pointing at the first); warnings are saved with it. */
  'school/save': method(schoolAidDraft, saveResult),
  /** 学段 and 项目 once, then rows of ID number + amount; each row saved or refused on its own. */
  'school/saveBatch': method(schoolBatch, z.object({ saved: z.number().int(), refused: z.number().int(), rows: z.array(batchRowResult) })),
  'school/delete': method(z.object({ id: recordId, rowVersion, reason: z.string().trim().min(1).max(200) }), ok),
  'school/standards/get': method(z.object({ year: z.number().int().min(2000).max(2100).nullable().default(null) }), schoolStandards),
  /** Replaces one year's standards and the age ranges; every change audited. */
  'school/standards/save': method(
    z.object({ year: z.number().int().min(2000).max(2100), standards: z.array(standardRow).max(200), ageRanges: z.array(stageAgeRow).max(20) }),
    ok,
  ),
  /** 人次 and 金额 per 学段 and 项目 for a calendar year (a term counts in the year it falls in). */
  'reports/schoolAid': method(z.object({ year: z.number().int().min(2000).max(2100) }), schoolReport),
  /** The same report as an .xlsx sheet. */
  'reports/schoolAidExport': method(z.object({ year: z.number().int().min(2000).max(2100) }), fileDownload),
} as const;
