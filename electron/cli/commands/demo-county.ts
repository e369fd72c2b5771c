/** `taizhang demo --county --out DIR [--scale F] [--seed N] [--townships N]`: a whole county (issue 7). */
import type { Values } from '../command.js';
import { requireString } from '../command.js';
import { EXIT, UsageError, type CommandResult } from '../output.js';
import { generateCounty, TOWNSHIP_VOLUME } from '../../services/demo-county.js';

export const demoCountyOptions = { county: { type: 'boolean' }, out: { type: 'string' }, scale: { type: 'string' }, townships: { type: 'string' } } as const;

export async function runDemoCounty(values: Values): Promise<CommandResult> {
  const dir = requireString(values, 'out');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  const townships = values.townships === undefined ? 20 : Number(values.townships);
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  if (!(scale > 0 && scale <= 1)) throw new UsageError('--scale must be a fraction above 0 and at most 1');
  if (!Number.isInteger(townships) || townships < 1 || townships > 99) throw new UsageError('--townships must be a whole number from 1 to 99');
  const started = Date.now();
  const json = values.json === true;
  const summary = await generateCounty({ dir, seed, scale, townships, onProgress: (line) => { if (!json) console.log(line); } });
  const seconds = (Date.now() - started) / 1000;
  const total = (key: 'persons' | 'medicalClaims' | 'schoolAid' | 'housingRepairs' | 'waterAssessments' | 'waterTests') =>
    summary.townships.reduce((n, t) => n + t[key], 0);
  const imported = summary.imported;
  return {
    exitCode: EXIT.done,
    json: { ok: true, scale, seed, volumePerTownship: TOWNSHIP_VOLUME, ...summary, seconds },
    lines: [
      `已生成 ${summary.townships.length} 个乡镇（每个乡镇一个台账文件）：共 ${total('persons')} 人、${total('medicalClaims')} 条医疗报销、${total('schoolAid')} 条教育资助、`
        + `${total('housingRepairs')} 户危房改造、${total('waterAssessments')} 户饮水评价、${total('waterTests')} 次水质检测，用时 ${seconds.toFixed(1)} 秒`,
      imported ? `县级台账导入了 ${imported.accepted} 条，拒收 ${imported.rejected} 条，冲突 ${imported.conflicts} 条` : '县级台账未导入数据包',
      `县级台账：${summary.countyFile}；数据包：${summary.packageDir}`,
    ],
  };
}
