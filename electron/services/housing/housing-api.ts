/** The housing-repair methods bound to their services; spread into electron/api/handlers.ts. */
import type { Handlers } from '../../api/handlers.js';
import { addPhoto, photoDataUrl, removePhoto } from './housing-photos.js';
import { pageRepairs } from './housing-query.js';
import { housingProgress } from './housing-progress.js';
import { exportProgress } from './housing-progress-sheet.js';
import { deleteRepair, getRepair, saveRepair } from './housing-service.js';

type HousingMethod = 'housing/page' | 'housing/get' | 'housing/save' | 'housing/delete' | 'housing/addPhoto' | 'housing/photo'
  | 'housing/removePhoto' | 'reports/housingProgress' | 'reports/housingProgressExport';

export const housingHandlers: Pick<Handlers, HousingMethod> = {
  'housing/page': (ctx, input) => pageRepairs(ctx, input),
  'housing/get': (ctx, input) => getRepair(ctx, input.id),
  'housing/save': (ctx, input) => saveRepair(ctx, input),
  'housing/delete': (ctx, input) => deleteRepair(ctx, input),
  'housing/addPhoto': (ctx, input) => addPhoto(ctx, input),
  'housing/photo': (ctx, input) => photoDataUrl(ctx, input.id, input.size),
  'housing/removePhoto': (ctx, input) => removePhoto(ctx, input.id),
  'reports/housingProgress': (ctx, input) => housingProgress(ctx, input),
  'reports/housingProgressExport': (ctx, input) => exportProgress(ctx, input),
};
