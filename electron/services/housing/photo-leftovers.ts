/**
 * Files a crash can leave in `photos/`: a photo written aside before its rename (`.partial`) or
 * a package attachment staged for a merge that never finished (`.incoming`). Neither is named by
 * any row. Removed when the workstation opens, once they are an hour old: another process on the
 * same data folder (the CLI beside the app) may be writing a fresh one.
 */
import { removeOldFiles } from '../old-files.js';

const LEFTOVER = /\.(partial|incoming)$/;
const MIN_AGE_MS = 60 * 60 * 1000;

export function removePhotoLeftovers(folder: string, now: Date): Promise<string[]> {
  return removeOldFiles(folder, LEFTOVER, MIN_AGE_MS, now);
}
