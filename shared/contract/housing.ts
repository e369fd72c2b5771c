/** The housing-repair ledger (危房改造): records per household, photos, and the progress report. */
import { z } from 'zod';
import { method } from './define.js';
import { fileDownload, ok, optionalText, recordId, rowVersion, villageCode } from './common.js';
import { reviewState } from './review.js';
import {
  acceptanceResults, housingStages, photoPhases, repairModes, safetyGrades,
} from '../domain/housing/housing-enums.js';

/** YYYY-MM-DD; whether the day exists and the order of the dates are domain rules. */
export const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'housing.dateFormat');
const optionalDate = isoDate.nullable().default(null);
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0);

export const housingStage = z.enum(housingStages);
export const photoPhase = z.enum(photoPhases);
export const housingFlag = z.enum(['safeGradeRebuild', 'finishedWithoutSubsidy']);

export const repairDraft = z.object({
  id: recordId.optional(),
  rowVersion: rowVersion.optional(),
  /** The household, by the number the clerk types (户编号). */
  householdNo: z.string().trim().min(1).max(30),
  appraisalDate: optionalDate,
  appraisalOrg: optionalText(80),
  safetyGrade: z.enum(safetyGrades).nullable().default(null),
  repairMode: z.enum(repairModes).nullable().default(null),
  planYear: z.number().int().min(2013).max(2100).nullable().default(null),
  subsidyCentralFen: fen,
  subsidyProvincialFen: fen,
  subsidyCityFen: fen,
  subsidyCountyFen: fen,
  selfRaisedFen: fen,
  publicityVillageDate: optionalDate,
  publicityTownshipDate: optionalDate,
  publicityCountyDate: optionalDate,
  startDate: optionalDate,
  completionDate: optionalDate,
  acceptanceDate: optionalDate,
  acceptanceResult: z.enum(acceptanceResults).nullable().default(null),
  disbursementDate: optionalDate,
  platePosted: z.boolean().default(false),
  archiveNo: optionalText(40),
  /** 简易家具, e.g. "橱子、桌子、床", and what they cost together. */
  furnitureItems: optionalText(200),
  furnitureCostFen: fen,
  /** Other repairs (门窗, 院墙, 大门) and their cost. */
  otherRepairs: optionalText(200),
  otherRepairsCostFen: fen,
  note: optionalText(500),
});
export type RepairDraft = z.output<typeof repairDraft>;

export const housingPhoto = z.object({
  id: recordId,
  phase: photoPhase,
  sha256: z.string(),
  mimeType: z.string(),
  originalName: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
});
export type HousingPhoto = z.output<typeof housingPhoto>;

export const housingRepair = repairDraft.extend({
  id: recordId,
  rowVersion,
  householdId: recordId,
  headName: z.string().nullable(),
  villageCode,
  villageName: z.string(),
  stage: housingStage,
  flags: z.array(housingFlag),
  subsidyTotalFen: z.number().int(),
  reviewState,
  reviewReason: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  createdBy: z.string(),
  photos: z.array(housingPhoto),
});
export type HousingRepair = z.output<typeof housingRepair>;

export const housingRow = z.object({
  id: recordId,
  householdNo: z.string(),
  headName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  safetyGrade: z.enum(safetyGrades).nullable(),
  repairMode: z.enum(repairModes).nullable(),
  planYear: z.number().int().nullable(),
  stage: housingStage,
  subsidyTotalFen: z.number().int(),
  selfRaisedFen: z.number().int(),
  appraisalDate: z.string().nullable(),
  startDate: z.string().nullable(),
  completionDate: z.string().nullable(),
  acceptanceDate: z.string().nullable(),
  disbursementDate: z.string().nullable(),
  flags: z.array(housingFlag),
  photoCount: z.number().int(),
  reviewState,
  updatedAt: z.string(),
});
export type HousingRow = z.output<typeof housingRow>;

export const housingSortColumns = ['householdNo', 'headName', 'villageName', 'safetyGrade', 'planYear', 'stage', 'subsidyTotalFen', 'updatedAt'] as const;

export const housingPageQuery = z.object({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
  sort: z.array(z.object({ column: z.enum(housingSortColumns), direction: z.enum(['asc', 'desc']) })).max(3).default([]),
  /** Matches 户编号 or 户主姓名. */
  quickSearch: z.string().trim().max(40).default(''),
  villageCode: villageCode.nullable().default(null),
  stage: housingStage.nullable().default(null),
  safetyGrade: z.enum(safetyGrades).nullable().default(null),
  planYear: z.number().int().min(2013).max(2100).nullable().default(null),
  flagged: z.boolean().default(false),
  reviewState: reviewState.nullable().default(null),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, { message: 'page.range', path: ['endRow'] });
export type HousingPageQuery = z.input<typeof housingPageQuery>;

/** Largest photo accepted: a phone picture is 2-6 MB. */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;
export const MAX_THUMBNAIL_BYTES = 512 * 1024;

export const progressQuery = z.object({
  date: isoDate,
  /** 日报 compares with the day before, 周报 with a week before, unless a date is given. */
  period: z.enum(['daily', 'weekly']).default('daily'),
  previousDate: isoDate.nullable().default(null),
});

const stageCounts = z.record(housingStage, z.number().int());

export const progressReport = z.object({
  date: z.string(),
  previousDate: z.string(),
  period: z.enum(['daily', 'weekly']),
  villages: z.array(z.object({ villageCode: z.string(), villageName: z.string(), counts: stageCounts, total: z.number().int() })),
  totals: stageCounts,
  total: z.number().int(),
  /** Repairs whose stage on `date` differs from their stage on `previousDate`. */
  moved: z.array(z.object({
    repairId: recordId, householdNo: z.string(), headName: z.string().nullable(), villageName: z.string(),
    from: housingStage, to: housingStage,
  })),
});
export type ProgressReport = z.output<typeof progressReport>;

export const housingApi = {
  'housing/page': method(housingPageQuery, z.object({ rows: z.array(housingRow), total: z.number().int() })),
  'housing/get': method(z.object({ id: recordId }), housingRepair),
  'housing/save': method(z.object({ repair: repairDraft }), z.object({ id: recordId, rowVersion })),
  'housing/delete': method(z.object({ id: recordId, rowVersion, reason: z.string().trim().min(1).max(200) }), ok),
  /** A photo's bytes; stored once in the data folder under its SHA-256, whoever adds it again. */
  'housing/addPhoto': method(
    z.object({
      repairId: recordId,
      phase: photoPhase,
      fileName: z.string().trim().min(1).max(255),
      // base64 is 4/3 of the bytes; the exact size is checked after decoding.
      contentBase64: z.string().min(1).max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4),
      /** A small JPEG the renderer draws for the thumbnails, so a grid of photos stays light. */
      thumbnailBase64: z.string().max(Math.ceil((MAX_THUMBNAIL_BYTES * 4) / 3) + 4).nullable().default(null),
    }),
    housingPhoto,
  ),
  /** The picture as a data: URL, for display (the CSP allows data: images). */
  'housing/photo': method(z.object({ id: recordId, size: z.enum(['thumb', 'full']).default('thumb') }), z.object({ dataUrl: z.string() })),
  'housing/removePhoto': method(z.object({ id: recordId }), ok),
  'reports/housingProgress': method(progressQuery, progressReport),
  'reports/housingProgressExport': method(progressQuery, fileDownload),
} as const;
