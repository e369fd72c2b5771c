/**
 * Upload packages from the command line: export (township), verify (anyone), import (county).
 * These call the package services on file paths rather than through the API, so a package of
 * hundreds of megabytes never becomes one base64 string. Exit codes: 0 done, 1 refused for
 * order or setup (a gap in the sequence), 3 refused on integrity or signature.
 */
import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT, UsageError, describeError } from '../output.js';
import { withSession } from '../session.js';
import { exportPackage } from '../../sync/export-package.js';
import { importPackages, type ImportOutcome } from '../../sync/import-package.js';
import { verifyPackageFile, type VerifyReport } from '../../sync/verify-package.js';
import { openWorkstation } from '../../app/workstation.js';
import { ledgerTable } from '../../sync/ledger-tables.js';
import { existsSync } from 'node:fs';

/** A missing file is a usage error (exit 2), not a refused package. */
export function requireFiles(paths: string[]): void {
  const missing = paths.find((p) => !existsSync(p));
  if (missing) throw new UsageError(`file not found: ${missing}`);
}

const label = (table: string) => ledgerTable(table)?.label ?? table;

export const exportPackageCommand: Command = {
  name: 'export-package',
  usage: 'export-package --db FILE --out DIR [--full] [--json]',
  options: { db: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' } },
  async run(values) {
    const db = requireString(values, 'db');
    const outDir = requireString(values, 'out');
    return withSession(db, async ({ workstation }) => {
      const pkg = await exportPackage(workstation.ctx, { outDir, full: values.full === true });
      const tables = pkg.tables.map((t) => `${label(t.table)} ${t.rows}`).join('，');
      return {
        exitCode: EXIT.done,
        json: { ok: true, ...pkg },
        lines: [
          `已导出第 ${pkg.sequence} 号数据包（${pkg.kind === 'full' ? '全量' : `增量，自第 ${pkg.baseSequence} 号之后`}${pkg.encrypted ? '，已加密' : '，未加密：尚未登记县里的公钥'}）：${pkg.path}`,
          `共 ${pkg.records} 条记录：${tables}`,
        ],
      };
    });
  },
};

/** Integrity refusals exit 3, others 1. */
function exitFor(refusals: { kind: string }[]): number {
  if (refusals.some((r) => r.kind === 'integrity')) return EXIT.refused;
  return refusals.length > 0 ? EXIT.rejected : EXIT.done;
}

export const verifyPackageCommand: Command = {
  name: 'verify-package',
  usage: 'verify-package FILE [--db COUNTY_DB] [--json]',
  options: { db: { type: 'string' } },
  allowPositionals: true,
  async run(values, positionals) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('exactly one package file is required');
    requireFiles([file]);
    let report: VerifyReport;
    if (typeof values.db === 'string') {
      const w = await openWorkstation(values.db);
      try {
        report = await verifyPackageFile(w.ctx, file);
      } finally {
        await w.close();
      }
    } else {
      report = await verifyPackageFile(null, file);
    }
    const p = report.package;
    const lines = p ? [`乡镇 ${p.townshipName}（${p.townshipCode}）第 ${p.sequence} 号数据包，${p.kind === 'full' ? '全量' : '增量'}，${p.createdAt}${p.encrypted ? '，已加密' : ''}`,
      `签名密钥指纹：${p.fingerprint}${{ registered: '（已登记）', unregistered: '（尚未登记，请与乡镇核对）', mismatch: '（与登记的不符）', unknown: '' }[report.keyStatus]}`,
      ...p.tables.map((t) => `  ${label(t.table)}：${t.rows} 条`),
      ...(p.attachments.files > 0 ? [`  附件（照片）：${p.attachments.files} 个，${p.attachments.bytes} 字节`] : [])] : [];
    if (report.refusal) lines.push(...(await describeError(report.refusal)));
    else lines.push(report.contentChecked ? '检查通过：签名、文件哈希、记录数和金额合计均一致' : '检查通过：签名和文件哈希一致（内容已加密，未能逐条核对）');
    return { exitCode: exitFor(report.refusal ? [report.refusal] : []), json: report, lines };
  },
};

async function describeOutcome(o: ImportOutcome): Promise<string[]> {
  const head = o.sequence ? `${o.fileName}：乡镇 ${o.townshipName ?? ''}（${o.townshipCode}）第 ${o.sequence} 号` : o.fileName;
  const missing = o.missing.length > 0 ? `；缺少第 ${o.missing.join('、')} 号` : '';
  if (o.status === 'refused') return [`${head}：未导入`, ...(await describeError(o.refusal!)).map((l) => `  ${l}`)];
  if (o.status === 'duplicate') return [`${head}：${(await describeError(o.refusal!))[0]}`];
  const c = o.result!.counts;
  const lines = [`${head}：已导入 ${c.records} 条（接收 ${c.accepted}：新增 ${c.inserted}、更新 ${c.updated}、删除 ${c.deleted}、未变 ${c.unchanged}；退回 ${c.rejected}；冲突 ${c.conflicts}）${missing}`];
  for (const k of o.result!.conflicts) lines.push(`  冲突：${label(k.table)} ${k.id}（县里版本 ${k.countyVersion}，乡镇版本 ${k.incomingVersion}）`);
  return lines;
}

export const importPackageCommand: Command = {
  name: 'import-package',
  usage: 'import-package --db FILE PACKAGE... [--allow-gap] [--trust FINGERPRINT] [--json]',
  options: { db: { type: 'string' }, 'allow-gap': { type: 'boolean' }, trust: { type: 'string' } },
  allowPositionals: true,
  async run(values, positionals) {
    const db = requireString(values, 'db');
    if (positionals.length === 0) throw new UsageError('at least one package file is required');
    requireFiles(positionals);
    return withSession(db, async ({ workstation }) => {
      const outcomes = await importPackages(workstation.ctx, positionals, {
        allowGap: values['allow-gap'] === true, trustFingerprint: typeof values.trust === 'string' ? values.trust : null,
      });
      const lines = (await Promise.all(outcomes.map(describeOutcome))).flat();
      const refusals = outcomes.flatMap((o) => (o.status === 'refused' && o.refusal ? [o.refusal] : []));
      return { exitCode: exitFor(refusals), json: { ok: refusals.length === 0, packages: outcomes }, lines };
    });
  },
};
