import { z } from 'zod';
import { enums, type EnumName } from '../domain/enums.js';

export const recordId = z.uuid();
export const rowVersion = z.number().int().min(1);

/** Optional free text: null when absent; the form sends null for an empty field. */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const enumOf = <N extends EnumName>(name: N) => z.enum(enums[name] as unknown as [string, ...string[]]) as unknown as z.ZodType<(typeof enums)[N][number]>;

export const villageCode = z.string().regex(/^\d{12}$/);
export const townshipCode = z.string().regex(/^\d{9}$/);

/** A file crossing the API: the renderer reads it in both Electron and browser mode. */
export const fileUpload = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().max(200 * 1024 * 1024),
});

export const fileDownload = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});

export const fieldIssue = z.object({
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
});

export const ok = z.object({ ok: z.literal(true) });
