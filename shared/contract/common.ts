import { z } from 'zod';
import { enums, type EnumName } from '../domain/enums.js';

export const recordId = z.uuid();
export const rowVersion = z.number().int().min(1);

/** Optional free text: null when absent; the form sends null for an empty field. */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const enumOf = <N extends EnumName>(name: N) => z.enum(enums[name] as unknown as [string, ...string[]]) as unknown as z.ZodType<(typeof enums)[N][number]>;

export const villageCode = z.string().regex(/^\d{12}$/);
export const townshipCode = z.string().regex(/^\d{9}$/);

/** The largest file a clerk may hand in, as bytes. */
export const MAX_UPLOAD_BYTES = 150 * 1024 * 1024;

const fileName = z.string().min(1).max(255);

/**
 * A file crossing the API, with whatever else the method takes: either its bytes inline as base64
 * (small files: keys, a village list, the CLI's tests), or the id of an upload the transport has
 * already stored in the main process (`UploadRef`). Sheets of 400,000 rows go by upload: base64
 * inside a JSON body would hold the file three or four times over in the main process.
 */
export const withFile = <S extends z.ZodRawShape>(shape: S) => z.union([
  z.object({ ...shape, fileName, contentBase64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4) }),
  z.object({ ...shape, fileName, uploadId: z.uuid() }),
]);

export const fileUpload = withFile({});
export type FileUpload = z.infer<typeof fileUpload>;

/** What an upload (HTTP body or IPC bytes) gives back, to be sent as `{ fileName, uploadId }`. */
export const uploadRef = z.object({ uploadId: z.uuid(), fileName, size: z.number().int().min(0) });
export type UploadRef = z.infer<typeof uploadRef>;

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
