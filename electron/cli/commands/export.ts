import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT, UsageError } from '../output.js';
import { withSession } from '../session.js';
import { kindOf } from './import.js';

export const exportCommand: Command = {
  name: 'export',
  usage: 'export --db FILE --kind persons|housing|school|medical|water-assessment|water-test --out FILE.xlsx|FILE.csv [--json]',
  options: { db: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    const kind = kindOf(values);
    const out = requireString(values, 'out');
    const ext = extname(out).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError('--out must end in .xlsx or .csv');
    return withSession(db, async ({ call }) => {
      const file = await call('export/sheet', { kind, format: ext === '.xlsx' ? 'xlsx' : 'csv' });
      const content = Buffer.from(file.contentBase64, 'base64');
      await writeFile(out, content);
      return { exitCode: EXIT.done, json: { ok: true, out, bytes: content.length }, lines: [`已导出到 ${out}（${content.length} 字节）`] };
    });
  },
};
