import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT } from '../output.js';
import { withSession } from '../session.js';

export const checkCommand: Command = {
  name: 'check',
  usage: 'check --db FILE [--json]',
  options: { db: { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    return withSession(db, async ({ workstation }) => {
      const integrity = await workstation.db.all<{ integrity_check: string }>('PRAGMA integrity_check');
      const foreignKeys = await workstation.db.all<Record<string, unknown>>('PRAGMA foreign_key_check');
      const ok = integrity.length === 1 && integrity[0]!.integrity_check === 'ok' && foreignKeys.length === 0;
      const counts = await workstation.db.get<{ households: number; persons: number; audit: number }>(
        `SELECT (SELECT count(*) FROM household WHERE deleted_at IS NULL) AS households,
                (SELECT count(*) FROM person WHERE deleted_at IS NULL) AS persons,
                (SELECT count(*) FROM audit_log) AS audit`,
      );
      const lines = ok
        ? [`数据库完好：${counts?.households ?? 0} 户，${counts?.persons ?? 0} 人，审计记录 ${counts?.audit ?? 0} 条`]
        : ['数据库有问题：', ...integrity.map((r) => `  ${r.integrity_check}`), ...foreignKeys.map((r) => `  外键：${JSON.stringify(r)}`)];
      return { exitCode: ok ? EXIT.done : EXIT.rejected, json: { ok, integrity: integrity.map((r) => r.integrity_check), foreignKeys, counts }, lines };
    });
  },
};
