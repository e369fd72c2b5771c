/** Receipts (回执) and keys from the command line; see packages.ts for the exit codes. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT, UsageError } from '../output.js';
import { withSession } from '../session.js';
import { makeReceipt, type MadeReceipt } from '../../sync/make-receipt.js';
import { importReceipt } from '../../sync/import-receipt.js';
import { exportKeyFile, importKeyFile, keysInfo } from '../../sync/key-files.js';
import { setupCounty } from '../../sync/identity.js';
import { requireFiles } from './packages.js';

export const makeReceiptCommand: Command = {
  name: 'make-receipt',
  usage: 'make-receipt --db FILE --out DIR [--package ID] [--json]   (without --package: every imported package still without a receipt)',
  options: { db: { type: 'string' }, out: { type: 'string' }, package: { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    const outDir = requireString(values, 'out');
    return withSession(db, async ({ workstation }) => {
      const ids = typeof values.package === 'string'
        ? [values.package]
        : (await workstation.db.all<{ package_id: string }>('SELECT package_id FROM imported_package WHERE receipt_id IS NULL ORDER BY township_code, sequence')).map((r) => r.package_id);
      const made: MadeReceipt[] = [];
      for (const id of ids) made.push(await makeReceipt(workstation.ctx, id, outDir));
      const lines = made.length === 0 ? ['没有需要出具回执的数据包'] : made.map((r) =>
        `已出具回执 ${r.path}：${r.counts.records} 条，接收 ${r.counts.accepted}，退回 ${r.counts.rejected}，冲突 ${r.counts.conflicts}`);
      return { exitCode: EXIT.done, json: { ok: true, receipts: made }, lines };
    });
  },
};

export const importReceiptCommand: Command = {
  name: 'import-receipt',
  usage: 'import-receipt --db FILE RECEIPT... [--trust FINGERPRINT] [--json]',
  options: { db: { type: 'string' }, trust: { type: 'string' } },
  allowPositionals: true,
  async run(values, positionals) {
    const db = requireString(values, 'db');
    if (positionals.length === 0) throw new UsageError('at least one receipt file is required');
    requireFiles(positionals);
    return withSession(db, async ({ workstation }) => {
      const results = [];
      for (const file of positionals) {
        results.push(await importReceipt(workstation.ctx, file, { trustFingerprint: typeof values.trust === 'string' ? values.trust : null }));
      }
      const lines = results.map((r) => r.status === 'duplicate'
        ? `第 ${r.packageSequence} 号数据包的回执已导入过，这次没有任何改动`
        : `已导入第 ${r.packageSequence} 号数据包的回执：接收 ${r.counts.accepted}，退回 ${r.counts.rejected}，冲突 ${r.counts.conflicts}`);
      return { exitCode: EXIT.done, json: { ok: true, receipts: results }, lines };
    });
  },
};

export const keysCommand: Command = {
  name: 'keys',
  usage: 'keys --db FILE [--export FILE.tzkey] [--import FILE.tzkey] [--county CODE --county-name NAME] [--json]',
  options: { db: { type: 'string' }, export: { type: 'string' }, import: { type: 'string' }, county: { type: 'string' }, 'county-name': { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    if (typeof values.county === 'string' && typeof values['county-name'] !== 'string') throw new UsageError('--county needs --county-name');
    return withSession(db, async ({ workstation }) => {
      const ctx = workstation.ctx;
      const lines: string[] = [];
      if (typeof values.county === 'string') {
        if (!/^\d{6}$/.test(values.county)) throw new UsageError('--county must be a 6-digit county code');
        await setupCounty(ctx, values.county, String(values['county-name']));
        lines.push(`已设为县级工作站：${String(values['county-name'])}（${values.county}）`);
      }
      let registered = null;
      if (typeof values.import === 'string') {
        requireFiles([values.import]);
        registered = await importKeyFile(ctx, await readFile(values.import), basename(values.import));
        lines.push(`已登记${registered.role === 'county' ? '县' : '乡镇'} ${registered.name}（${registered.code}）的公钥，指纹 ${registered.grouped}`);
      }
      if (typeof values.export === 'string') {
        const file = await exportKeyFile(ctx);
        await writeFile(values.export, file.content);
        lines.push(`已导出本工作站的公钥文件：${values.export}`);
      }
      const info = await keysInfo(ctx);
      lines.push(`本工作站（${info.mode === 'county' ? '县级' : '乡镇'}）签名密钥指纹：${info.signing.grouped}`);
      if (info.encryption) lines.push(`加密密钥指纹：${info.encryption.grouped}`);
      if (info.mode === 'township') lines.push(info.county ? `县：${info.county.name}（${info.county.code}），签名指纹 ${info.county.signing.grouped}` : '尚未登记县里的公钥：数据包将不加密');
      return { exitCode: EXIT.done, json: { ok: true, keys: info, registered }, lines };
    });
  },
};
