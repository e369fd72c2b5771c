/**
 * Files handed in by the clerk, stored once in the main process so a method can name them by id
 * instead of carrying their bytes: a preview and its commit read the same stored file, and a
 * 400,000-row sheet is streamed from disk instead of being held as base64, as a JSON body and
 * as bytes all at once. Uploads live in `uploads/` beside the database, under random ids (never
 * a name the caller chose), and are removed a day after they were written.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_UPLOAD_BYTES, type FileUpload, type UploadRef } from '../../shared/contract/common.js';
import { AppError } from '../../shared/domain/app-error.js';
import type { Database } from '../db/driver.js';
import type { ServiceContext } from './context.js';
import { removeOldFiles } from './old-files.js';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UPLOAD_ID = new RegExp(`^${UUID}$`);
/** A stored upload, or one still being written. */
const UPLOAD_NAME = new RegExp(`^${UUID}(\\.partial)?$`);

export function uploadFolder(db: Database): string {
  return join(dirname(db.file), 'uploads');
}

/** Removes uploads (and half-written ones) older than a day; run when the workstation opens and at each upload. */
export function removeOldUploads(folder: string, now: Date): Promise<string[]> {
  return removeOldFiles(folder, UPLOAD_NAME, MAX_AGE_MS, now);
}

/** Counts bytes on their way to disk and stops the copy past the limit. */
async function* limited(source: AsyncIterable<Uint8Array>, fileName: string): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) throw new AppError('bad_request', 'file.tooLarge', { fileName, maxMB: MAX_UPLOAD_BYTES / 1024 / 1024 });
    yield chunk;
  }
}

/** Stores the bytes (a stream from the HTTP body or a file, or the bytes IPC carried) and returns their id. */
export async function saveUpload(ctx: ServiceContext, fileName: string, source: AsyncIterable<Uint8Array> | Uint8Array): Promise<UploadRef> {
  const name = fileName.trim();
  if (name.length === 0 || name.length > 255) throw new AppError('bad_request', 'file.badName', { fileName: name.slice(0, 255) });
  const folder = uploadFolder(ctx.db);
  await mkdir(folder, { recursive: true });
  await removeOldUploads(folder, ctx.now());
  const uploadId = randomUUID();
  const partial = join(folder, `${uploadId}.partial`);
  const bytes = source instanceof Uint8Array ? Readable.from([source]) : source;
  try {
    await pipeline(limited(bytes, name), createWriteStream(partial, { flags: 'wx' }));
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  await rename(partial, join(folder, uploadId));
  return { uploadId, fileName: name, size: (await stat(join(folder, uploadId))).size };
}

/** The stored file of an upload; refused with the file's name when it is gone (a day old, or another data folder). */
export async function uploadPath(ctx: ServiceContext, upload: { fileName: string; uploadId: string }): Promise<string> {
  // The schema checks the id's shape; checked again because the path is built from it.
  if (!UPLOAD_ID.test(upload.uploadId)) throw new AppError('bad_request', 'file.uploadGone', { fileName: upload.fileName });
  const file = join(uploadFolder(ctx.db), upload.uploadId);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('bad_request', 'file.uploadGone', { fileName: upload.fileName });
  return file;
}

/** Removes a stored upload once its caller is done with it (the CLI, at the end of a command). */
export async function removeUpload(ctx: ServiceContext, uploadId: string): Promise<void> {
  if (UPLOAD_ID.test(uploadId)) await rm(join(uploadFolder(ctx.db), uploadId), { force: true });
}

/** Where a method's file is: its bytes (sent inline) or the path of its stored upload. */
export type UploadSource = Buffer | { path: string };

export async function uploadSource(ctx: ServiceContext, upload: FileUpload): Promise<UploadSource> {
  return 'uploadId' in upload ? { path: await uploadPath(ctx, upload) } : Buffer.from(upload.contentBase64, 'base64');
}

/** The whole file, for readers that need it at once (small sheets, key files). */
export async function uploadBytes(ctx: ServiceContext, upload: FileUpload): Promise<Buffer> {
  const source = await uploadSource(ctx, upload);
  return Buffer.isBuffer(source) ? source : readFile(source.path);
}
