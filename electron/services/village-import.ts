/** Villages from a sheet of 村代码, 村名: all or nothing, like every import. */
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import { areaCodeIssue, villageBelongsTo } from '../../shared/domain/area-code.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import { mapHeaders } from '../sheets/header-map.js';
import { readSheet } from '../sheets/read-sheet.js';
import type { ServiceContext } from './context.js';
import { uploadBytes } from './uploads.js';
import { requireTownship, upsertVillage } from './settings-service.js';

const ALIASES = { code: ['村代码', '村编码', '区划代码', '统计用区划代码', '代码'], name: ['村名', '村名称', '名称', '村'] };

export async function importVillages(ctx: ServiceContext, input: MethodArgs<'villages/import'>): Promise<MethodOutput<'villages/import'>> {
  const township = await requireTownship(ctx);
  const sheet = await readSheet(await uploadBytes(ctx, input), input.fileName);
  const { columns, missing } = mapHeaders(sheet.headers, ALIASES, ['code', 'name']);
  const issues: FieldIssue[] = missing.map((key) => ({ ...issue(key, 'import.missingColumn'), row: 1, column: key === 'code' ? '村代码' : '村名' }));
  const villages: { code: string; name: string }[] = [];
  if (missing.length === 0) {
    for (const { rowNumber, cells } of sheet.rows) {
      const code = (cells[columns.get('code')!] ?? '').trim();
      const name = (cells[columns.get('name')!] ?? '').trim();
      const codeIssue = areaCodeIssue(code, 'village', 'code') ?? (villageBelongsTo(code, township) ? null : issue('code', 'village.notInTownship', { code, township }));
      if (codeIssue) issues.push({ ...codeIssue, row: rowNumber, column: '村代码' });
      if (!name) issues.push({ ...issue('name', 'required'), row: rowNumber, column: '村名' });
      if (!codeIssue && name) villages.push({ code, name });
    }
  }
  if (issues.length > 0) return { added: 0, renamed: 0, issues };
  let added = 0;
  let renamed = 0;
  await ctx.db.transaction(async (tx) => {
    for (const v of villages) {
      const result = await upsertVillage(tx, ctx, township, v.code, v.name);
      if (result === 'added') added++;
      if (result === 'renamed') renamed++;
    }
  });
  return { added, renamed, issues };
}
