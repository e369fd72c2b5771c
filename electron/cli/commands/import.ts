import { writeFile } from 'node:fs/promises';
import type { Command } from '../command.js';
import { requireString, type Values } from '../command.js';
import { EXIT, UsageError, describeError } from '../output.js';
import { withSession } from '../session.js';
import { sheetKind } from '../../../shared/contract/transfer.js';

function kindOf(values: Values) {
  const parsed = sheetKind.safeParse(requireString(values, 'kind'));
  if (!parsed.success) throw new UsageError(`--kind must be one of: ${sheetKind.options.join(', ')}`);
  return parsed.data;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import --db FILE --kind persons|housing|school|medical|water-assessment|water-test SHEET [--skip-invalid] [--rejects OUT.csv] [--json]',
  options: { db: { type: 'string' }, kind: { type: 'string' }, 'skip-invalid': { type: 'boolean' }, rejects: { type: 'string' } },
  allowPositionals: true,
  async run(values, positionals) {
    const db = requireString(values, 'db');
    const kind = kindOf(values);
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('exactly one sheet file is required');
    return withSession(db, async ({ call, upload }) => {
      const result = await call('import/commit', { ...(await upload(file)), kind, skipInvalid: values['skip-invalid'] === true });
      if (result.rejects && typeof values.rejects === 'string') {
        await writeFile(values.rejects, Buffer.from(result.rejects.contentBase64, 'base64'));
      }
      const { rejects, ...summary } = result;
      const json = { ok: result.committed, ...summary, rejectsFile: rejects && typeof values.rejects === 'string' ? values.rejects : null };
      const counts = result.records ? `记录：新增 ${result.records.added}，更新 ${result.records.updated}，未变 ${result.records.unchanged}` : `户：新增 ${result.households.added}，更新 ${result.households.updated}，未变 ${result.households.unchanged}；` +
        `人：新增 ${result.persons.added}，更新 ${result.persons.updated}，未变 ${result.persons.unchanged}`;
      if (!result.committed) {
        const lines = await describeError({ kind: 'validation', code: 'import.invalidRows', params: { count: new Set(result.issues.map((i) => i.row)).size }, issues: result.issues });
        return { exitCode: EXIT.rejected, json, lines };
      }
      const lines = [`已导入 ${result.validRows}/${result.rows} 行。${counts}`];
      if (result.issues.length > 0) {
        lines.push(...(await describeError({ kind: 'validation', code: 'validation', params: { count: result.issues.length }, issues: result.issues })));
        if (typeof values.rejects === 'string') lines.push(`未导入的行已写入 ${values.rejects}`);
      }
      return { exitCode: result.issues.length > 0 ? EXIT.rejected : EXIT.done, json, lines };
    });
  },
};

export { kindOf };
