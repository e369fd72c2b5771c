import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT } from '../output.js';
import { withSession } from '../session.js';

/** For setting up a workstation without the UI; the password may come from TAIZHANG_PASSWORD. */
export const addAccountCommand: Command = {
  name: 'add-account',
  usage: 'add-account --db FILE --username U --name NAME --role admin|reviewer|clerk|viewer [--password P | env TAIZHANG_PASSWORD] [--json]',
  options: { db: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
  async run(values) {
    const db = requireString(values, 'db');
    const password = typeof values.password === 'string' ? values.password : process.env.TAIZHANG_PASSWORD ?? '';
    return withSession(db, async ({ call }) => {
      const account = await call('accounts/save', {
        username: requireString(values, 'username'),
        displayName: requireString(values, 'name'),
        role: requireString(values, 'role') as 'admin',
        password,
      });
      return { exitCode: EXIT.done, json: { ok: true, account }, lines: [`已添加账号 ${account.username}（${account.displayName}，${account.role}）`] };
    });
  },
};
