/**
 * `taizhang report --kind K ...`: a small registry of report kinds. A ledger adds its report
 * with one file in electron/cli/reports/ (a ReportKind, see report-kind.ts) and one line in
 * REPORT_KINDS; each kind declares the options it reads (string options, merged for the parser).
 */
import type { Command } from '../command.js';
import { requireString } from '../command.js';
import { EXIT, UsageError } from '../output.js';
import { withSession } from '../session.js';
import type { ReportKind } from '../reports/report-kind.js';
import { medicalLayersReportKind } from '../reports/medical-layers.js';
import { waterReportKind } from '../reports/water.js';
import { schoolAidReportKind } from '../reports/school-aid.js';
import { housingProgressReportKind } from '../reports/housing-progress.js';

const REPORT_KINDS: ReportKind[] = [
  medicalLayersReportKind,
  waterReportKind,
  schoolAidReportKind,
  housingProgressReportKind,
];

const optionNames = [...new Set(REPORT_KINDS.flatMap((k) => k.options))];

export const reportCommand: Command = {
  name: 'report',
  usage: REPORT_KINDS.map((k) => `report --db FILE --kind ${k.kind} ${k.usage} [--json]`).join('\n  taizhang '),
  options: { db: { type: 'string' }, kind: { type: 'string' }, ...Object.fromEntries(optionNames.map((n) => [n, { type: 'string' as const }])) },
  async run(values) {
    const db = requireString(values, 'db');
    const name = requireString(values, 'kind');
    const kind = REPORT_KINDS.find((k) => k.kind === name);
    if (!kind) throw new UsageError(`--kind must be one of: ${REPORT_KINDS.map((k) => k.kind).join(', ')}`);
    const stray = optionNames.filter((n) => values[n] !== undefined && !kind.options.includes(n));
    if (stray.length > 0) throw new UsageError(`--kind ${name} does not take --${stray.join(', --')}`);
    return withSession(db, async (session) => {
      const { json, lines } = await kind.run(session, values);
      return { exitCode: EXIT.done, json: { ok: true, report: json }, lines };
    });
  },
};
