/**
 * Why a package or receipt is refused whole. Each refusal names the check (the i18n code,
 * `package.<check>`) and, when it is about one file of the archive, that file. Integrity and
 * signature refusals have kind `integrity` (CLI exit code 3); refusals about order or setup
 * (a gap in the sequence, a workstation in the wrong mode) are `bad_request` (exit code 1).
 */
import { AppError } from '../../shared/domain/app-error.js';
import { ArchiveError } from './archive.js';
import { LineTooLong } from './streams.js';

export type Params = Record<string, string | number>;

export class PackageRefused extends AppError {
  constructor(code: string, params: Params = {}, integrity = true) {
    super(integrity ? 'integrity' : 'bad_request', code, params);
    this.name = 'PackageRefused';
  }

  /** The file the refusal is about, when there is one. */
  get file(): string | null {
    return typeof this.params.file === 'string' ? this.params.file : null;
  }
}

/** An integrity refusal: signature, hashes, counts, sums, structure. */
export function refuse(code: string, params: Params = {}): PackageRefused {
  return new PackageRefused(`package.${code}`, params, true);
}

/** A refusal that is not about integrity: order, setup, mode. */
export function decline(code: string, params: Params = {}): PackageRefused {
  return new PackageRefused(`package.${code}`, params, false);
}

/** Container problems as refusals: a cut-off file says "truncated", not "corrupt". */
export function refusalOfArchive(err: unknown, fallbackFile: string): PackageRefused {
  if (err instanceof PackageRefused) return err;
  if (err instanceof ArchiveError) {
    const file = err.entry ?? fallbackFile;
    if (err.problem === 'truncated') return refuse('truncated', { file });
    if (err.problem === 'notZip') return refuse('notZip', { file });
    if (err.problem === 'tooLarge') return refuse('tooLarge', { file });
    if (err.problem === 'unsupported') return refuse('unsupportedArchive', { file });
    return refuse('corruptArchive', { file });
  }
  throw err;
}

export function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** A stream error as the check that failed: decompression, or the GCM tag. */
export function decodeRefusal(err: unknown, file: string, encrypted: boolean): PackageRefused {
  if (err instanceof PackageRefused) return err;
  if (err instanceof ArchiveError) return refusalOfArchive(err, file);
  if (err instanceof LineTooLong) return refuse('badLine', { file, line: err.line });
  if (isZlibError(err)) return refuse('corruptFile', { file });
  // node:crypto's GCM failure has no code, only this message; anything else is not ours to explain.
  if (encrypted && err instanceof Error && /authenticate/.test(err.message)) return refuse('decryptFailed', { file });
  throw err;
}
