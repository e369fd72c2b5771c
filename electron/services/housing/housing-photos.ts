/** Adding, showing and removing a repair's photos (改造前/中/后). */
import type { MethodArgs } from '../../../shared/contract/index.js';
import { MAX_PHOTO_BYTES, MAX_THUMBNAIL_BYTES, type HousingPhoto } from '../../../shared/contract/housing.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue } from '../../../shared/domain/issue.js';
import type { ReviewState } from '../../../shared/domain/review.js';
import { photoMimeOf } from '../../../shared/domain/housing/photo-type.js';
import type { ServiceContext } from '../context.js';
import { insertRecord, tombstoneRecord } from '../record-store.js';
import { assertRepairEditable, listPhotos } from './housing-service.js';
import { readPhoto, storePhoto } from './photo-store.js';

export async function addPhoto(ctx: ServiceContext, input: MethodArgs<'housing/addPhoto'>): Promise<HousingPhoto> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw AppError.validation([issue('photo', 'housing.photoEmpty')]);
  if (bytes.length > MAX_PHOTO_BYTES) throw AppError.validation([issue('photo', 'housing.photoTooLarge', { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 })]);
  const mime = photoMimeOf(bytes);
  if (!mime) throw AppError.validation([issue('photo', 'housing.photoType', { name: input.fileName })]);
  // A thumbnail that is not a small picture is dropped, not refused: the photo itself is what counts.
  const thumb = input.thumbnailBase64 === null ? null : Buffer.from(input.thumbnailBase64, 'base64');
  const thumbOk = thumb !== null && thumb.length > 0 && thumb.length <= MAX_THUMBNAIL_BYTES && photoMimeOf(thumb) !== null;
  // The files first: a record must never point at a missing file; an unused file is harmless.
  const sha256 = await storePhoto(ctx.db, bytes);
  const thumbSha256 = thumbOk ? await storePhoto(ctx.db, thumb) : null;
  const id = await ctx.db.transaction(async (tx) => {
    const repair = await tx.get<{ review_state: ReviewState; created_by: string }>('SELECT review_state, created_by FROM housing_repair WHERE id = ? AND deleted_at IS NULL', [input.repairId]);
    if (!repair) throw new AppError('not_found', 'not_found');
    assertRepairEditable(ctx, repair);
    const same = await tx.get<{ id: string }>('SELECT id FROM housing_photo WHERE repair_id = ? AND phase = ? AND sha256 = ? AND deleted_at IS NULL', [input.repairId, input.phase, sha256]);
    if (same) return same.id;
    const written = await insertRecord(tx, ctx, 'housing_photo', {
      repair_id: input.repairId, phase: input.phase, sha256, mime_type: mime, original_name: input.fileName, bytes: bytes.length,
      thumb_sha256: thumbSha256,
    });
    return written.id;
  });
  const photo = (await listPhotos(ctx.db, input.repairId)).find((p) => p.id === id);
  if (!photo) throw new AppError('not_found', 'not_found');
  return photo;
}

export async function photoDataUrl(ctx: ServiceContext, id: string, size: 'thumb' | 'full'): Promise<{ dataUrl: string }> {
  const p = await ctx.db.get<{ sha256: string; thumb_sha256: string | null }>('SELECT sha256, thumb_sha256 FROM housing_photo WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!p) throw new AppError('not_found', 'not_found');
  const bytes = await readPhoto(ctx.db, size === 'thumb' && p.thumb_sha256 ? p.thumb_sha256 : p.sha256).catch(() => {
    throw new AppError('not_found', 'not_found');
  });
  return { dataUrl: `data:${photoMimeOf(bytes) ?? 'application/octet-stream'};base64,${bytes.toString('base64')}` };
}

export async function removePhoto(ctx: ServiceContext, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const p = await tx.get<{ review_state: ReviewState; created_by: string }>(
      `SELECT r.review_state, r.created_by FROM housing_photo p JOIN housing_repair r ON r.id = p.repair_id
       WHERE p.id = ? AND p.deleted_at IS NULL`, [id],
    );
    if (!p) throw new AppError('not_found', 'not_found');
    assertRepairEditable(ctx, p);
    await tombstoneRecord(tx, ctx, 'housing_photo', id, null, null);
  });
  return { ok: true };
}
