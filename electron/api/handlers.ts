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
import { reviewRecords } from '../services/review/review-service.js';
import { auditExport, maskedFor, revealNumber } from '../services/reveal-service.js';
import { packageHandlers } from '../sync/package-api.js';
import { waterHandlers } from '../services/water/water-api.js';
import { recordHistory } from '../services/audit-history.js';
import { backupHandlers } from '../backup/backup-api.js';
import { housingHandlers } from '../services/housing/housing-api.js';
import { medicalHandlers } from '../services/medical/medical-api.js';
import { schoolHandlers } from '../services/school/school-api.js';
import { authStatus, changePassword, listAccounts, login, logout, resetPassword, saveAccount, setupFirstAdmin } from '../services/auth/account-service.js';

export type Handlers = { [M in MethodName]: (ctx: ServiceContext, input: MethodArgs<M>) => Promise<MethodOutput<M>> };

export const handlers: Handlers = {
  'settings/get': (ctx) => getSettings(ctx),
  'settings/update': (ctx, input) => updateSettings(ctx, input),
  'villages/list': (ctx) => listVillages(ctx),
  'villages/save': (ctx, input) => saveVillage(ctx, input),
  'villages/import': (ctx, input) => importVillages(ctx, input),
  'households/page': (ctx, input) => pageHouseholds(ctx, input),
  'households/get': async (ctx, input) => maskedFor(ctx, await getHousehold(ctx, input.id)),
  'persons/reveal': (ctx, input) => revealNumber(ctx, input),
  'households/save': (ctx, input) => saveHousehold(ctx, input),
  'households/delete': (ctx, input) => deleteHousehold(ctx, input),
  'persons/idHolder': (ctx, input) => idHolder(ctx, input.idNumber),
  'import/preview': (ctx, input) => previewImport(ctx, input),
  'import/commit': (ctx, input) => commitImport(ctx, input),
  'export/sheet': async (ctx, input) => {
    const file = await exportSheet(ctx, input);
    await auditExport(ctx, input.kind, input.format);
    return file;
  },
  'templates/get': (_ctx, input) => sheetTemplate(input.kind),
  'auth/status': (ctx) => authStatus(ctx),
  'auth/setup': (ctx, input) => setupFirstAdmin(ctx, input),
  'auth/login': (ctx, input) => login(ctx, input),
  'auth/logout': (ctx) => logout(ctx),
  'auth/changePassword': (ctx, input) => changePassword(ctx, input),
  'accounts/list': (ctx) => listAccounts(ctx),
  'accounts/save': (ctx, input) => saveAccount(ctx, input),
  'accounts/resetPassword': (ctx, input) => resetPassword(ctx, input),
  'review/submit': (ctx, input) => reviewRecords(ctx, 'submit', input),
  'review/approve': (ctx, input) => reviewRecords(ctx, 'approve', input),
  'review/return': (ctx, input) => reviewRecords(ctx, 'return', input),
  'review/reopen': (ctx, input) => reviewRecords(ctx, 'reopen', input),
  ...packageHandlers,
  'audit/history': (ctx, input) => recordHistory(ctx, input),
  ...backupHandlers,
  ...housingHandlers,
  ...medicalHandlers,
  ...schoolHandlers,
  ...waterHandlers,
};
