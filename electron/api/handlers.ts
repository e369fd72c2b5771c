/**
 * Every contract method bound to its service function. The type requires one handler per
 * method, so a method declared in shared/ and not served here fails the typecheck.
 */
import type { MethodArgs, MethodName, MethodOutput } from '../../shared/contract/index.js';
import type { ServiceContext } from '../services/context.js';
import { getSettings, listVillages, saveVillage, updateSettings } from '../services/settings-service.js';
import { importVillages } from '../services/village-import.js';
import { deleteHousehold, getHousehold, idHolder, saveHousehold } from '../services/household-service.js';
import { pageHouseholds } from '../services/household-query.js';
import { commitImport, previewImport } from '../services/sheet-import.js';
import { exportSheet, sheetTemplate } from '../services/sheet-export.js';

export type Handlers = { [M in MethodName]: (ctx: ServiceContext, input: MethodArgs<M>) => Promise<MethodOutput<M>> };

export const handlers: Handlers = {
  'settings/get': (ctx) => getSettings(ctx),
  'settings/update': (ctx, input) => updateSettings(ctx, input),
  'villages/list': (ctx) => listVillages(ctx),
  'villages/save': (ctx, input) => saveVillage(ctx, input),
  'villages/import': (ctx, input) => importVillages(ctx, input),
  'households/page': (ctx, input) => pageHouseholds(ctx, input),
  'households/get': (ctx, input) => getHousehold(ctx, input.id),
  'households/save': (ctx, input) => saveHousehold(ctx, input),
  'households/delete': (ctx, input) => deleteHousehold(ctx, input),
  'persons/idHolder': (ctx, input) => idHolder(ctx, input.idNumber),
  'import/preview': (ctx, input) => previewImport(ctx, input),
  'import/commit': (ctx, input) => commitImport(ctx, input),
  'export/sheet': (ctx, input) => exportSheet(ctx, input),
  'templates/get': (_ctx, input) => sheetTemplate(input.kind),
};
