/** The school-aid methods bound to their services; spread into electron/api/handlers.ts. */
import type { Handlers } from '../../api/handlers.js';
import { deleteSchoolAid, getSchoolAid, saveSchoolAid, saveSchoolBatch } from './school-aid-service.js';
import { pageSchoolAid } from './school-aid-query.js';
import { getStandards, saveStandards } from './school-rules-store.js';
import { schoolAidReport } from './school-report.js';
import { reportWorkbook } from './school-report-sheet.js';

type SchoolMethod = 'school/page' | 'school/get' | 'school/save' | 'school/saveBatch' | 'school/delete'
  | 'school/standards/get' | 'school/standards/save' | 'reports/schoolAid' | 'reports/schoolAidExport';

export const schoolHandlers: Pick<Handlers, SchoolMethod> = {
  'school/page': (ctx, input) => pageSchoolAid(ctx, input),
  'school/get': (ctx, input) => getSchoolAid(ctx, input.id),
  'school/save': (ctx, input) => saveSchoolAid(ctx, input),
  'school/saveBatch': (ctx, input) => saveSchoolBatch(ctx, input),
  'school/delete': (ctx, input) => deleteSchoolAid(ctx, input),
  'school/standards/get': (ctx, input) => getStandards(ctx, input),
  'school/standards/save': (ctx, input) => saveStandards(ctx, input),
  'reports/schoolAid': (ctx, input) => schoolAidReport(ctx, input),
  'reports/schoolAidExport': async (ctx, input) => reportWorkbook(await schoolAidReport(ctx, input)),
};
