import { z } from 'zod';
import { method } from './define.js';
import { fileUpload, fieldIssue, townshipCode, villageCode } from './common.js';

export const settingsSchema = z.object({
  orgCode: townshipCode.nullable(),
  orgName: z.string().nullable(),
  /** Set when this workstation is the county office (数据包 → 设为县级工作站). */
  county: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const village = z.object({
  code: villageCode,
  name: z.string(),
  householdCount: z.number().int(),
});
export type Village = z.infer<typeof village>;

export const settingsApi = {
  'settings/get': method(z.object({}), settingsSchema),
  'settings/update': method(
    z.object({
      orgCode: townshipCode,
      orgName: z.string().trim().min(1).max(60),
    }),
    settingsSchema,
  ),
  'villages/list': method(z.object({}), z.array(village)),
  /** Adds a village, or renames the one with this code. */
  'villages/save': method(z.object({ code: villageCode, name: z.string().trim().min(1).max(60) }), village),
  /** A sheet of 村代码, 村名. */
  'villages/import': method(
    fileUpload,
    z.object({ added: z.number().int(), renamed: z.number().int(), issues: z.array(fieldIssue) }),
  ),
} as const;
