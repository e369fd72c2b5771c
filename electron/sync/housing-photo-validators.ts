/**
 * The county's checks on uploaded housing photo records: the phase, the file's hash and type,
 * the size within what the editor accepts. The file itself is checked as an attachment of the
 * package (read-package.ts): its bytes must hash to `sha256`.
 */
import type { Query } from './statement-cache.js';
import type { PackageRow } from './streams.js';
import { MAX_PHOTO_BYTES } from '../../shared/contract/housing.js';
import { photoPhases } from '../../shared/domain/housing/housing-enums.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';

const HASH = /^[0-9a-f]{64}$/;
const MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function validateHousingPhotoRow(row: PackageRow): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!(photoPhases as readonly string[]).includes(String(row.phase))) issues.push(issue('phase', 'notInList', { value: String(row.phase) }));
  if (!HASH.test(String(row.sha256))) issues.push(issue('sha256', 'invalid'));
  if (row.thumb_sha256 !== null && !HASH.test(String(row.thumb_sha256))) issues.push(issue('thumbSha256', 'invalid'));
  if (!MIME_TYPES.includes(String(row.mime_type))) issues.push(issue('mimeType', 'notInList', { value: String(row.mime_type) }));
  if (typeof row.bytes !== 'number' || row.bytes <= 0 || row.bytes > MAX_PHOTO_BYTES) issues.push(issue('bytes', 'invalid'));
  if (!String(row.original_name ?? '').trim()) issues.push(issue('originalName', 'required'));
  return issues;
}

/** The same picture once per repair and phase (the unique index of migration 0009). */
export async function housingPhotoCollisions(q: Query, row: PackageRow): Promise<FieldIssue[]> {
  const other = await q.get<{ id: string }>(
    'SELECT id FROM housing_photo WHERE repair_id = ? AND phase = ? AND sha256 = ? AND deleted_at IS NULL AND id <> ?',
    [String(row.repair_id), String(row.phase), String(row.sha256), String(row.id)],
  );
  return other ? [issue('sha256', 'housing.photoDuplicate')] : [];
}
