import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT } from '../output.js';
import { withSession } from '../session.js';
import { backupDirOf, makeBackup, restoreBackup, summariseBackup } from '../../backup/backup-service.js';
import { listBackupFiles } from '../../backup/backup-files.js';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --db FILE [--to DIR] [--list] [--json]',
  options: { db: { type: 'string' }, to: { type: 'string' }, list: { type: 'boolean' } },
  async run(values) {
    const db = requireString(values, 'db');
    const dir = typeof values.to === 'string' ? values.to : backupDirOf(db);
    if (values.list) {
      const files = await listBackupFiles(dir);
      const described = await Promise.all(files.map(async (f) => ({ ...f, ...(await summariseBackup(f.file)) })));
      return {
        exitCode: EXIT.done,
        json: described,
        lines: described.length ? described.map((f) => `${f.takenAt}  ${f.reason}  ${f.households} 户 ${f.persons} 人  ${f.integrity}  ${f.file}`) : [`${dir} 中没有备份`],
      };
    }
    return withSession(db, async ({ workstation }) => {
      const made = await makeBackup(workstation.db, dir, 'manual', new Date());
      return { exitCode: EXIT.done, json: made, lines: [`已备份到 ${made.file}（${made.bytes} 字节）`] };
    });
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore --db FILE --from BACKUP [--json]',
  options: { db: { type: 'string' }, from: { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    const from = requireString(values, 'from');
    const summary = await summariseBackup(from);
    const safety = await restoreBackup(db, from, new Date());
    return {
      exitCode: EXIT.done,
      json: { ok: true, restored: from, summary, safetyCopy: safety },
      lines: [`已从 ${from} 恢复（${summary.households} 户，${summary.persons} 人，最后修改 ${summary.lastChange ?? '无'}）`, `恢复前的数据已另存为 ${safety}`],
    };
  },
};
