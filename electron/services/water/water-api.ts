/** The drinking-water methods bound to their services; spread into electron/api/handlers.ts. */
import type { Handlers } from '../../api/handlers.js';
import { listSupplies, saveSupply } from './water-supplies.js';
import { deleteAssessment, getAssessment, saveAssessment } from './water-assessment-service.js';
import { deleteTest, getTest, saveTest } from './water-test-service.js';
import { pageAssessments, pageTests } from './water-query.js';
import { getRules, saveLimits, saveThresholds } from './water-rules.js';
import { waterReport } from './water-report.js';
import { waterReportWorkbook } from './water-report-sheet.js';

type WaterMethod = Extract<keyof Handlers, `water/${string}` | 'reports/water' | 'reports/waterExport'>;

export const waterHandlers: Pick<Handlers, WaterMethod> = {
  'water/supplies/list': (ctx, input) => listSupplies(ctx, input),
  'water/supplies/save': (ctx, input) => saveSupply(ctx, input),
  'water/assessments/page': (ctx, input) => pageAssessments(ctx, input),
  'water/assessments/get': (ctx, input) => getAssessment(ctx, input.id),
  'water/assessments/save': (ctx, input) => saveAssessment(ctx, input),
  'water/assessments/delete': (ctx, input) => deleteAssessment(ctx, input),
  'water/tests/page': (ctx, input) => pageTests(ctx, input),
  'water/tests/get': (ctx, input) => getTest(ctx, input.id),
  'water/tests/save': (ctx, input) => saveTest(ctx, input),
  'water/tests/delete': (ctx, input) => deleteTest(ctx, input),
  'water/rules/get': (ctx, input) => getRules(ctx, input),
  'water/thresholds/save': (ctx, input) => saveThresholds(ctx, input),
  'water/limits/save': (ctx, input) => saveLimits(ctx, input),
  'reports/water': (ctx, input) => waterReport(ctx, input),
  'reports/waterExport': async (ctx, input) => waterReportWorkbook(await waterReport(ctx, input)),
};
