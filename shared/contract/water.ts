/**
 * Drinking-water safety (饮水安全): supplies, household assessments on the four indicators, water
 * tests, the thresholds and limits tables, and the yearly report.
 */
import { z } from 'zod';
import { method } from './define.js';
import { fileDownload, ok, optionalText, recordId, rowVersion, villageCode } from './common.js';
import { reviewState } from './review.js';
import {
  indicators, limitPlaces, onsiteResults, supplyScales, supplyTypes, testKinds, testPlaces, waterParameters,
} from '../domain/water/vocabulary.js';
import { isDecimal, parseMeasured } from '../domain/water/decimal.js';

export const supplyType = z.enum(supplyTypes);
export const testKind = z.enum(testKinds);
export const testPlace = z.enum(testPlaces);
export const waterParameter = z.enum(waterParameters);
export const indicator = z.enum(indicators);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');
const wholeNumber = (max: number) => z.number().int().min(0).max(max).nullable().default(null);

export const supplyDraft = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  villageCode,
  name: z.string().trim().min(1).max(60),
  supplyType,
  operator: optionalText(60),
  smallScale: z.boolean().default(false),
  note: optionalText(200),
});
export type SupplyDraft = z.output<typeof supplyDraft>;

export const testEvidence = z.object({ id: recordId, sampledOn: z.string(), passed: z.boolean() });

export const supply = supplyDraft.extend({
  id: recordId,
  rowVersion,
  villageName: z.string(),
  /** The newest test, whatever its date: what the form shows while the clerk types. */
  latestTest: testEvidence.nullable(),
});
export type Supply = z.output<typeof supply>;

export const assessmentDraft = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  householdId: recordId,
  assessedOn: isoDate,
  supplyType,
  supplyId: recordId.nullable().default(null),
  tapInHome: z.boolean().default(false),
  waterScarceArea: z.boolean().default(false),
  litresPerPersonDay: wholeNumber(10000),
  tripMinutes: wholeNumber(1440),
  horizontalMetres: wholeNumber(100000),
  verticalMetres: wholeNumber(10000),
  shortageDays: wholeNumber(366),
  onsiteCheck: z.enum(onsiteResults).nullable().default(null),
  assessor: optionalText(30),
  note: optionalText(500),
});
export type AssessmentDraft = z.output<typeof assessmentDraft>;

export const indicatorResults = z.object({ quantity: z.boolean(), quality: z.boolean(), convenience: z.boolean(), reliability: z.boolean() });

const reviewFields = {
  reviewState,
  reviewReason: z.string().nullable(),
  createdBy: z.string(),
  updatedAt: z.string(),
};

export const assessment = assessmentDraft.extend({
  id: recordId,
  rowVersion,
  year: z.number().int(),
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  supplyName: z.string().nullable(),
  results: indicatorResults,
  passed: z.boolean(),
  qualitySource: z.enum(['test', 'onsite', 'none']),
  qualityTestId: recordId.nullable(),
  needsReassessment: z.boolean(),
  /** The failed test of the supply that asked for a re-assessment. */
  reassessmentTest: z.object({ id: recordId, sampledOn: z.string() }).nullable(),
  ...reviewFields,
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type Assessment = z.output<typeof assessment>;

export const assessmentRow = assessment.omit({ note: true, reviewedBy: true, reviewedAt: true, rowVersion: true });
export type AssessmentRow = z.output<typeof assessmentRow>;

const measuredValue = z.string().trim().max(20).refine((v) => parseMeasured(v) !== null, 'water.valueFormat');
export const measured = z.object({ parameter: waterParameter, value: measuredValue });

export const parameterFailure = z.object({
  parameter: waterParameter,
  value: z.string(),
  bound: z.enum(['max', 'min', 'notDetected']),
  limit: z.string(),
  excess: z.string(),
});
export type ParameterFailureOut = z.output<typeof parameterFailure>;

export const testDraft = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  supplyId: recordId,
  sampledOn: isoDate,
  testKind,
  lab: z.string().trim().min(1).max(60),
  labCma: z.boolean().default(true),
  testPlace,
  placeNote: optionalText(120),
  values: z.array(measured).min(1).max(40),
  note: optionalText(500),
});
export type TestDraft = z.output<typeof testDraft>;

export const waterTest = testDraft.extend({
  id: recordId,
  rowVersion,
  supplyName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  passed: z.boolean(),
  failures: z.array(parameterFailure),
  ...reviewFields,
});
export type WaterTest = z.output<typeof waterTest>;
export const testRow = waterTest.omit({ note: true, rowVersion: true });
export type TestRow = z.output<typeof testRow>;

const page = <C extends readonly [string, ...string[]]>(columns: C) => ({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
  sort: z.array(z.object({ column: z.enum(columns), direction: z.enum(['asc', 'desc']) })).max(3).default([]),
  quickSearch: z.string().trim().max(40).default(''),
  villageCode: villageCode.nullable().default(null),
  reviewState: reviewState.nullable().default(null),
});
const pageRange = { message: 'page.range', path: ['endRow'] };

export const assessmentSortColumns = ['householdNo', 'headName', 'villageName', 'year', 'assessedOn', 'passed', 'updatedAt', 'reviewState'] as const;
export const assessmentPageQuery = z.object({
  ...page(assessmentSortColumns),
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  passed: z.boolean().nullable().default(null),
  needsReassessment: z.boolean().nullable().default(null),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, pageRange);
export type AssessmentPageQuery = z.input<typeof assessmentPageQuery>;

export const testSortColumns = ['sampledOn', 'supplyName', 'villageName', 'testKind', 'lab', 'passed', 'updatedAt', 'reviewState'] as const;
export const testPageQuery = z.object({
  ...page(testSortColumns),
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  supplyId: recordId.nullable().default(null),
  testKind: testKind.nullable().default(null),
  passed: z.boolean().nullable().default(null),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, pageRange);
export type TestPageQuery = z.input<typeof testPageQuery>;

const count = z.number().int().min(0).max(1_000_000);
export const waterThresholds = z.object({
  minLitresPerPersonDay: count,
  minLitresPerPersonDayScarce: count,
  maxTripMinutes: count,
  maxHorizontalMetres: count,
  maxVerticalMetres: count,
  maxShortageDays: count,
});

const bound = z.string().trim().refine(isDecimal, 'water.valueFormat').nullable().default(null);
export const waterLimitRow = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  parameter: waterParameter,
  scale: z.enum(supplyScales).default('standard'),
  place: z.enum(limitPlaces).default('any'),
  min: bound,
  max: bound,
  notDetected: z.boolean().default(false),
  note: optionalText(200),
});
export type WaterLimitRow = z.output<typeof waterLimitRow>;

const policyYear = z.number().int().min(2000).max(2100);
export const waterRules = z.object({
  /** The policy year whose rules apply to the year asked for. */
  policyYear,
  /** Every policy year with rules of its own. */
  years: z.array(policyYear),
  thresholds: waterThresholds,
  limits: z.array(waterLimitRow.extend({ id: recordId, rowVersion })),
});

const passCount = z.object({ total: count, passed: count });
export const waterReport = z.object({
  year: z.number().int(),
  assessments: passCount.extend({
    indicators: z.object({ quantity: count, quality: count, convenience: count, reliability: count }),
    needsReassessment: count,
  }),
  villages: z.array(passCount.extend({
    villageCode: z.string(), villageName: z.string(),
    quantity: count, quality: count, convenience: count, reliability: count,
  })),
  tests: passCount.extend({ byKind: z.array(passCount.extend({ testKind })) }),
  failing: z.array(z.object({
    assessmentId: recordId, householdId: recordId, householdNo: z.string(), headName: z.string().nullable(),
    villageName: z.string(), failing: z.array(indicator), needsReassessment: z.boolean(),
  })),
});
export type WaterReport = z.output<typeof waterReport>;

const written = z.object({ id: recordId, rowVersion });
const removal = z.object({ id: recordId, rowVersion, reason: z.string().trim().min(1).max(200) });

export const waterApi = {
  'water/supplies/list': method(z.object({ villageCode: villageCode.nullable().default(null) }), z.object({ supplies: z.array(supply) })),
  'water/supplies/save': method(supplyDraft, written),
  'water/assessments/page': method(assessmentPageQuery, z.object({ rows: z.array(assessmentRow), total: z.number().int() })),
  'water/assessments/get': method(z.object({ id: recordId }), assessment),
  /** Computes the four indicators from the facts, the thresholds and the supply's latest test. */
  'water/assessments/save': method(assessmentDraft, written.extend({ passed: z.boolean(), results: indicatorResults })),
  'water/assessments/delete': method(removal, ok),
  'water/tests/page': method(testPageQuery, z.object({ rows: z.array(testRow), total: z.number().int() })),
  'water/tests/get': method(z.object({ id: recordId }), waterTest),
  /** A failed test marks the households of its supply for re-assessment, in the same transaction. */
  'water/tests/save': method(testDraft, written.extend({
    passed: z.boolean(), failures: z.array(parameterFailure), markedForReassessment: count,
  })),
  'water/tests/delete': method(removal, ok),
  /** The rules that apply to a year: those of the latest policy year up to it (else the earliest). */
  'water/rules/get': method(z.object({ year: policyYear }), waterRules),
  /** Saves a policy year's thresholds; a year without rules of its own gets them from here on. */
  'water/thresholds/save': method(waterThresholds.extend({ year: policyYear }), ok),
  /** A policy year's whole limits table: rows with an id are updated, new rows added, missing rows removed. */
  'water/limits/save': method(z.object({ year: policyYear, limits: z.array(waterLimitRow).min(1).max(100) }), ok),
  'reports/water': method(z.object({ year: z.number().int().min(2000).max(2100) }), waterReport),
  /** The same report as an .xlsx workbook. */
  'reports/waterExport': method(z.object({ year: z.number().int().min(2000).max(2100) }), fileDownload),
} as const;
