import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT, UsageError } from '../output.js';
import { withSession } from '../session.js';
import { generateDemoData } from '../../services/demo-data.js';
import { generateDemoClaims } from '../../services/medical/demo-claims.js';
import { demoCountyOptions, runDemoCounty } from './demo-county.js';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --db FILE --households N [--seed N] [--org CODE --name NAME] [--json] | demo --county --out DIR [--scale F] [--seed N] [--townships N]',
  options: { db: { type: 'string' }, households: { type: 'string' }, seed: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' }, ...demoCountyOptions },
  async run(values) {
    if (values.county === true) return runDemoCounty(values);
    const db = requireString(values, 'db');
    const households = Number(requireString(values, 'households'));
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(households) || households < 1 || households > 1_000_000) throw new UsageError('--households must be a whole number from 1 to 1000000');
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    return withSession(db, async ({ call, workstation }) => {
      const settings = await call('settings/get', {});
      if (!settings.orgCode) {
        await call('settings/update', { orgCode: typeof values.org === 'string' ? values.org : '371502100', orgName: typeof values.name === 'string' ? values.name : '示例镇' });
      }
      const started = Date.now();
      const result = await generateDemoData(workstation.ctx, { households, seed });
      const medicalClaims = await generateDemoClaims(workstation.ctx, { seed });
      const seconds = (Date.now() - started) / 1000;
      return {
        exitCode: EXIT.done,
        json: { ok: true, ...result, medicalClaims, seconds },
        lines: [`已生成 ${result.households} 户、${result.persons} 人（${result.villages} 个村）、${medicalClaims} 条医疗报销记录，用时 ${seconds.toFixed(1)} 秒`],
      };
    });
  },
};
