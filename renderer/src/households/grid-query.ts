/**
 * From AG Grid's infinite-model request to the contract's households/page query: the sort
 * model becomes `sort` (only columns the server can sort), the filter model `textFilters`
 * and `memberCountFilter`. Anything else in the models is ignored, never sent.
 */
import type { IGetRowsParams, SortModelItem } from 'ag-grid-community';
import { householdSortColumns, householdTextFilterColumns } from '../../../shared/contract/households.js';
import type { MethodInput } from '../../../shared/contract/index.js';
import { isEnumValue, type HouseholdStatus } from '../../../shared/domain/enums.js';
import { reviewStates, type ReviewState } from '../../../shared/domain/review.js';

export interface ToolbarFilters {
  quickSearch: string;
  villageCode: string;
  status: string;
  /** 审核状态 filter; '' for all. */
  reviewState: string;
}

type PageInput = MethodInput<'households/page'>;
type SortColumn = (typeof householdSortColumns)[number];
type TextColumn = (typeof householdTextFilterColumns)[number];
type TextFilter = NonNullable<PageInput['textFilters']>[number];
type NumberFilter = NonNullable<PageInput['memberCountFilter']>;

const TEXT_TYPES = ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith'] as const;
const NUMBER_TYPES = ['equals', 'greaterThan', 'lessThan'] as const;

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function toSort(model: SortModelItem[]): NonNullable<PageInput['sort']> {
  return model
    .filter((s): s is SortModelItem & { colId: SortColumn } => oneOf(householdSortColumns, s.colId))
    .slice(0, 3)
    .map((s) => ({ column: s.colId, direction: s.sort }));
}

export function toTextFilters(filterModel: unknown): TextFilter[] {
  if (!isRecord(filterModel)) return [];
  const filters: TextFilter[] = [];
  for (const [column, model] of Object.entries(filterModel)) {
    if (!oneOf<TextColumn>(householdTextFilterColumns, column) || !isRecord(model)) continue;
    const { type, filter } = model;
    if (!oneOf(TEXT_TYPES, type) || typeof filter !== 'string' || filter.trim() === '') continue;
    filters.push({ column, type, value: filter.trim().slice(0, 60) });
  }
  return filters.slice(0, 8);
}

export function toMemberCountFilter(filterModel: unknown): NumberFilter | null {
  if (!isRecord(filterModel)) return null;
  const model = filterModel.memberCount;
  if (!isRecord(model) || !oneOf(NUMBER_TYPES, model.type) || typeof model.filter !== 'number') return null;
  return { type: model.type, value: Math.trunc(model.filter) };
}

export function toPageQuery(params: Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel' | 'filterModel'>, toolbar: ToolbarFilters): PageInput {
  const filterModel: unknown = params.filterModel;
  return {
    startRow: params.startRow,
    endRow: params.endRow,
    sort: toSort(params.sortModel),
    quickSearch: toolbar.quickSearch.trim().slice(0, 40),
    villageCode: /^\d{12}$/.test(toolbar.villageCode) ? toolbar.villageCode : null,
    status: isEnumValue('householdStatus', toolbar.status) ? (toolbar.status as HouseholdStatus) : null,
    reviewState: oneOf<ReviewState>(reviewStates, toolbar.reviewState) ? toolbar.reviewState : null,
    textFilters: toTextFilters(filterModel),
    memberCountFilter: toMemberCountFilter(filterModel),
  };
}
