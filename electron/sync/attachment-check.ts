/**
 * County side (and verify-package): the attachments of a package against its manifest and its
 * rows. Each entry must be named for its hash, each file the rows name must be carried and each
 * carried file named by a row, and each file's bytes, decrypted, must hash to its name and be
 * its listed size. Every failure is a refusal naming the check and the file.
 */
import type { Chunks } from './archive.js';
import { attachmentFile, type AttachmentRefs } from './attachments.js';
import type { PayloadOpener } from './crypto.js';
import { MANIFEST_FILE, type AttachmentEntry, type Manifest } from './manifest.js';
import type { OpenedPackage } from './read-package.js';
import { decodeRefusal, refuse } from './refusal.js';
import { ByteTally, through } from './streams.js';

/** Step 6, for attachments: lower-case hashes, each once, under the name the format gives it. */
export function checkAttachmentList(manifest: Manifest): void {
  const encrypted = manifest.encryption !== null;
  const seen = new Set<string>();
  for (const [i, a] of manifest.attachments.entries()) {
    const bad = a.sha256 !== a.sha256.toLowerCase() || seen.has(a.sha256) || a.file !== attachmentFile(a.sha256, encrypted) || (encrypted && (!a.iv || !a.tag));
    if (bad) throw refuse('badManifest', { file: MANIFEST_FILE, detail: `attachments.${i}` });
    seen.add(a.sha256);
  }
}

/**
 * One attachment's bytes as they were sent, decrypted as they stream. The hash and size are
 * checked when the last chunk has been read: consume it to the end before trusting any of it.
 */
export async function* attachmentBytes(pkg: OpenedPackage, entry: AttachmentEntry, opener: PayloadOpener | null): Chunks {
  const { file } = entry;
  const encrypted = pkg.manifest.encryption !== null;
  if (encrypted && !opener) throw refuse('noDecryptionKey', { file });
  const plain = new ByteTally();
  try {
    let data: Chunks = pkg.reader.read(file);
    if (encrypted) data = through(data, opener!.decipherFor(file, Buffer.from(entry.iv!, 'base64'), Buffer.from(entry.tag!, 'base64')));
    yield* plain.tap(data);
  } catch (err) {
    throw decodeRefusal(err, file, encrypted);
  }
  if (plain.bytes !== entry.bytes) throw refuse('sizeMismatch', { file, expected: entry.bytes, actual: plain.bytes });
  if (plain.digest() !== entry.sha256) throw refuse('hashMismatch', { file });
}

/** Step 7c: the files the rows name against the files carried, then every file's bytes. */
export async function checkAttachments(pkg: OpenedPackage, opener: PayloadOpener | null, refs: AttachmentRefs): Promise<void> {
  const { manifest } = pkg;
  const encrypted = manifest.encryption !== null;
  const carried = new Set(manifest.attachments.map((a) => a.sha256));
  for (const [sha256, table] of refs.entries()) {
    if (!carried.has(sha256)) throw refuse('attachmentMissing', { file: attachmentFile(sha256, encrypted), table });
  }
  for (const a of manifest.attachments) {
    if (!refs.has(a.sha256)) throw refuse('attachmentUnreferenced', { file: a.file });
    for await (const chunk of attachmentBytes(pkg, a, opener)) void chunk;
  }
}
