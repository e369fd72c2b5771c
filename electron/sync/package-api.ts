/**
 * The packages contract served over IPC and HTTP. Files arrive as base64 or as stored uploads and
 * leave as base64; the package code works on paths, so each call puts its uploads in a private temporary
 * folder, runs, and removes the folder. The CLI calls the path-based functions directly.
 */
import { copyFile, link, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import type { packagesApi } from '../../shared/contract/packages.js';
import type { FileUpload } from '../../shared/contract/common.js';
import type { ServiceContext } from '../services/context.js';
import { uploadBytes, uploadPath } from '../services/uploads.js';
import { exportPackage } from './export-package.js';
import { requireMode, setupCounty } from './identity.js';
import { importPackages } from './import-package.js';
import { importReceipt } from './import-receipt.js';
import { exportKeyFile, importKeyFile, keysInfo } from './key-files.js';
import { makeReceipt } from './make-receipt.js';
import { countyTownships, exportedHistory, importedHistory, openConflicts, packageSummary, recordStates } from './package-queries.js';
import { verifyPackageFile } from './verify-package.js';

type PackageHandlers = { [M in keyof typeof packagesApi]: (ctx: ServiceContext, input: MethodArgs<M>) => Promise<MethodOutput<M>> };

async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-pkg-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Puts the uploads in `dir` under their own base names (never a path the caller chose): inline
 * bytes are written, a stored upload is linked (copied across file systems).
 */
async function saveUploads(ctx: ServiceContext, dir: string, uploads: FileUpload[]): Promise<string[]> {
  const paths: string[] = [];
  for (const [i, u] of uploads.entries()) {
    const path = join(dir, `${i}-${basename(u.fileName).replace(/[^\w.\-\u4e00-\u9fff]/g, '_')}`);
    if ('uploadId' in u) {
      const stored = await uploadPath(ctx, u);
      await link(stored, path).catch(() => copyFile(stored, path));
    } else await writeFile(path, Buffer.from(u.contentBase64, 'base64'));
    paths.push(path);
  }
  return paths;
}

async function download(path: string, mimeType: string) {
  return { fileName: basename(path), mimeType, contentBase64: (await readFile(path)).toString('base64') };
}

const ZIP = 'application/zip';

export const packageHandlers: PackageHandlers = {
  'keys/get': (ctx: ServiceContext) => keysInfo(ctx),
  'keys/exportPublic': async (ctx: ServiceContext) => {
    const file = await exportKeyFile(ctx);
    return { fileName: file.fileName, mimeType: 'application/json', contentBase64: file.content.toString('base64') };
  },
  // Each side registers the other's key: the mode decides which kind of file is expected.
  'keys/importCounty': async (ctx: ServiceContext, input: MethodArgs<'keys/importCounty'>) => {
    await requireMode(ctx, 'township');
    return importKeyFile(ctx, await uploadBytes(ctx, input), input.fileName);
  },
  'county/setup': async (ctx: ServiceContext, input: MethodArgs<'county/setup'>) => {
    await setupCounty(ctx, input.countyCode, input.countyName);
    return keysInfo(ctx);
  },
  'county/registerKey': async (ctx: ServiceContext, input: MethodArgs<'county/registerKey'>) => {
    await requireMode(ctx, 'county');
    return importKeyFile(ctx, await uploadBytes(ctx, input), input.fileName);
  },
  'county/townships': (ctx: ServiceContext) => countyTownships(ctx.db.reader),
  'county/importPackages': (ctx: ServiceContext, input: MethodArgs<'county/importPackages'>) =>
    inTempDir(async (dir) => {
      const paths = await saveUploads(ctx, dir, input.files);
      const outcomes = await importPackages(ctx, paths, { allowGap: input.allowGap, trustFingerprint: input.trustFingerprint });
      // Report the names the clerk chose, not the temporary ones.
      return outcomes.map((o) => ({ ...o, fileName: input.files[paths.findIndex((p) => basename(p) === o.fileName)]?.fileName ?? o.fileName }));
    }),
  'county/conflicts': (ctx: ServiceContext, input: MethodArgs<'county/conflicts'>) => openConflicts(ctx.db.reader, input.townshipCode),
  'county/makeReceipt': (ctx: ServiceContext, input: MethodArgs<'county/makeReceipt'>) =>
    inTempDir(async (dir) => download((await makeReceipt(ctx, input.packageId, dir)).path, ZIP)),
  'packages/summary': (ctx: ServiceContext) => packageSummary(ctx),
  'packages/export': (ctx: ServiceContext, input: MethodArgs<'packages/export'>) =>
    inTempDir(async (dir) => {
      const { path, ...pkg } = await exportPackage(ctx, { outDir: dir, full: input.full });
      return { file: await download(path, ZIP), package: pkg };
    }),
  'packages/history': async (ctx: ServiceContext) => ({
    exported: (await exportedHistory(ctx.db.reader)).map((e) => ({ ...e, encrypted: e.encrypted === 1 })),
    imported: await importedHistory(ctx.db.reader),
  }),
  'packages/verify': (ctx: ServiceContext, input: MethodArgs<'packages/verify'>) =>
    inTempDir(async (dir) => {
      const [path] = await saveUploads(ctx, dir, [input]);
      return { ...(await verifyPackageFile(ctx, path!)), fileName: input.fileName };
    }),
  'packages/importReceipt': (ctx: ServiceContext, input: MethodArgs<'packages/importReceipt'>) =>
    inTempDir(async (dir) => {
      const [path] = await saveUploads(ctx, dir, [input]);
      return importReceipt(ctx, path!, { trustFingerprint: input.trustFingerprint });
    }),
  'packages/recordStates': (ctx: ServiceContext, input: MethodArgs<'packages/recordStates'>) => recordStates(ctx.db.reader, input.table, input.ids),
};
