/**
 * County side: brings a package's attachments into the file store with the merge's all-or-
 * nothing. Each file not already held is written beside its final name (checked again as it is
 * written: the package may have changed since it was verified); the merge puts them in place
 * as its last step before commit, so a committed row never names a missing file; a refused or
 * failed import removes every file it wrote.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { attachmentBytes } from './attachment-check.js';
import type { PayloadOpener } from './crypto.js';
import type { OpenedPackage } from './read-package.js';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

export class StagedAttachments {
  private readonly staged: { temp: string; final: string }[] = [];
  private readonly placed: string[] = [];

  private constructor(private readonly folder: string, private readonly packageId: string) {}

  /** Writes every attachment the store lacks under a temporary name; on a refusal, removes them and rethrows. */
  static async stage(folder: string, pkg: OpenedPackage, opener: PayloadOpener | null): Promise<StagedAttachments> {
    const s = new StagedAttachments(folder, pkg.manifest.packageId);
    if (pkg.manifest.attachments.length === 0) return s;
    await mkdir(folder, { recursive: true });
    try {
      for (const a of pkg.manifest.attachments) {
        const final = join(folder, a.sha256);
        if (await exists(final)) continue;
        const temp = join(folder, `${a.sha256}.${s.packageId}.incoming`);
        s.staged.push({ temp, final });
        await pipeline(Readable.from(attachmentBytes(pkg, a, opener)), createWriteStream(temp));
      }
    } catch (err) {
      await s.discard();
      throw err;
    }
    return s;
  }

  /** How many files the package adds to the store. */
  get count(): number {
    return this.staged.length;
  }

  /** Inside the merge transaction, after every row is written: the files take their names. */
  async place(): Promise<void> {
    for (const { temp, final } of this.staged) {
      // Another import may have brought the same picture meanwhile: same name, same bytes.
      if (await exists(final)) {
        await rm(temp, { force: true });
        continue;
      }
      await rename(temp, final);
      this.placed.push(final);
    }
  }

  /** The import did not commit: nothing it wrote stays. */
  async discard(): Promise<void> {
    for (const { temp } of this.staged) await rm(temp, { force: true });
    for (const final of this.placed) await rm(final, { force: true });
  }
}
