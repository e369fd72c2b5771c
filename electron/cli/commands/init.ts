import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT } from '../output.js';
import { withSession } from '../session.js';

export const initCommand: Command = {
  name: 'init',
  usage: 'init --db FILE --org CODE --name NAME [--villages SHEET] [--json]',
  options: { db: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' }, villages: { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    const orgCode = requireString(values, 'org');
    const orgName = requireString(values, 'name');
    return withSession(db, async ({ call, upload }) => {
      const settings = await call('settings/update', { orgCode, orgName });
      const lines = [`已设置乡镇：${settings.orgName}（${settings.orgCode}），数据库 ${db}`];
      let villages = null;
      if (typeof values.villages === 'string') {
        villages = await call('villages/import', await upload(values.villages));
        if (villages.issues.length > 0) {
          const { rejected } = await import('../output.js');
          return rejected({ kind: 'validation', code: 'validation', params: { count: villages.issues.length }, issues: villages.issues });
        }
        lines.push(`村：新增 ${villages.added}，改名 ${villages.renamed}`);
      }
      return { exitCode: EXIT.done, json: { ok: true, settings, villages }, lines };
    });
  },
};
