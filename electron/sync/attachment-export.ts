/**
 * Township side: streams each file the package's rows name from the file store into the
 * archive, once, encrypted like the tables when the package is. Photos are already compressed,
 * so attachments are not gzipped. A file missing or damaged on disk stops the export: a row
 * must never reach the county without its file.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/app-error.js';
import type { ArchiveWriter, Chunks } from './archive.js';
import { attachmentFile, type AttachmentRefs } from './attachments.js';
import type { PayloadSealer } from './crypto.js';
import type { AttachmentEntry } from './manifest.js';
import { ByteTally, through } from './streams.js';

function localFile(folder: string, sha256: string): Chunks {
  return (async function* () {
    try {
      for await (const chunk of createReadStream(join(folder, sha256))) yield chunk as Buffer;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('bad_request', 'package.localFileMissing', { file: `photos/${sha256}` });
      throw err;
    }
  })();
}

async function writeAttachment(writer: ArchiveWriter, folder: string, sha256: string, sealer: PayloadSealer | null): Promise<AttachmentEntry> {
  const file = attachmentFile(sha256, sealer !== null);
  const plain = new ByteTally();
  const stored = new ByteTally();
  let payload = plain.tap(localFile(folder, sha256));
  const sealed = sealer?.cipherFor(file) ?? null;
  if (sealed) payload = through(payload, sealed.cipher);
  await writer.add(file, stored.tap(payload));
  // The name is the promise: bytes that no longer hash to it are a damaged file, not a photo.
  if (plain.digest() !== sha256) throw new AppError('bad_request', 'package.localFileDamaged', { file: `photos/${sha256}` });
  return {
    sha256, bytes: plain.bytes, file, stored: { sha256: stored.digest(), bytes: stored.bytes },
    ...(sealed ? { iv: sealed.iv.toString('base64'), tag: sealed.cipher.getAuthTag().toString('base64') } : {}),
  };
}

export async function writeAttachments(writer: ArchiveWriter, folder: string, refs: AttachmentRefs, sealer: PayloadSealer | null): Promise<AttachmentEntry[]> {
  const entries: AttachmentEntry[] = [];
  for (const sha256 of refs.hashes()) entries.push(await writeAttachment(writer, folder, sha256, sealer));
  return entries;
}
