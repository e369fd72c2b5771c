/** The medical contract bound to its services. */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { medicalApi } from '../../../shared/contract/medical.js';
import type { ServiceContext } from '../context.js';
import { deleteClaim, getClaim, saveClaim } from './claim-service.js';
import { pageClaims } from './claim-query.js';
import { findClaimants } from './claimant-search.js';
import { proposeClaim } from './claim-propose.js';
import { getPolicy, savePolicy } from './policy-admin.js';
import { reproposeYear } from './claim-recompute.js';
import { medicalLayersReport } from './layers-report.js';
import { layersReportWorkbook } from './layers-report-sheet.js';

type MedicalHandlers = { [M in keyof typeof medicalApi]: (ctx: ServiceContext, input: MethodArgs<M>) => Promise<MethodOutput<M>> };

export const medicalHandlers: MedicalHandlers = {
  'medical/page': (ctx, input) => pageClaims(ctx, input),
  'medical/get': (ctx, input) => getClaim(ctx.db.reader, input.id),
  'medical/save': (ctx, input) => saveClaim(ctx, input),
  'medical/delete': (ctx, input) => deleteClaim(ctx, input),
  'medical/findPerson': (ctx, input) => findClaimants(ctx, input),
  'medical/propose': (ctx, input) => proposeClaim(ctx, input),
  'medical/policy/get': (ctx, input) => getPolicy(ctx.db.reader, input.year),
  'medical/policy/save': (ctx, input) => savePolicy(ctx, input),
  'medical/policy/repropose': (ctx, input) => reproposeYear(ctx, input.year),
  'reports/medicalLayers': (ctx, input) => medicalLayersReport(ctx.db.reader, input),
  'reports/medicalLayersExport': async (ctx, input) => layersReportWorkbook(await medicalLayersReport(ctx.db.reader, input)),
};
