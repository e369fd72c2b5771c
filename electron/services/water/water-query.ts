/**
 * The assessments and tests grids, paged, sorted and filtered in SQL. Column names come from
 * fixed maps, values are parameters.
 */
import type { SqlValue } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { ServiceContext } from '../context.js';
import { ASSESSMENT_FROM, ASSESSMENT_SELECT, TEST_SELECT, toAssessment, toTest, type AssessmentRecord, type TestRecord } from './water-mapping.js';

type AssessmentQuery = MethodArgs<'water/assessments/page'>;
type TestQuery = MethodArgs<'water/tests/page'>;

const REVIEW_ORDER = (alias: string) =>
  `CASE ${alias}.review_state WHEN 'returned' THEN 0 WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 3 END`;

const ASSESSMENT_COLUMN: Record<AssessmentQuery['sort'][number]['column'], string> = {
  householdNo: 'h.household_no', headName: 'head.name', villageName: 'village_name', year: 'a.year', assessedOn: 'a.assessed_on',
  passed: 'a.passed', updatedAt: 'a.updated_at', reviewState: REVIEW_ORDER('a'),
};

const TEST_COLUMN: Record<TestQuery['sort'][number]['column'], string> = {
  sampledOn: 't.sampled_on', supplyName: 's.name', villageName: 'village_name', testKind: 't.kind', lab: 't.lab', passed: 't.passed',
  updatedAt: 't.updated_at', reviewState: REVIEW_ORDER('t'),
};

function likeOf(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

class Where {
  parts: string[] = [];
  params: SqlValue[] = [];
  add(sql: string, ...params: SqlValue[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }
  get sql(): string {
    return this.parts.join(' AND ');
  }
}

const flag = (b: boolean) => (b ? 1 : 0);

export async function pageAssessments(ctx: ServiceContext, q: AssessmentQuery): Promise<MethodOutput<'water/assessments/page'>> {
  const where = new Where();
  where.add('a.deleted_at IS NULL');
  if (q.quickSearch) {
    const like = likeOf(q.quickSearch);
    where.add(`(h.household_no LIKE ? ESCAPE '\\' OR head.name LIKE ? ESCAPE '\\')`, like, like);
  }
  if (q.villageCode) where.add('h.village_code = ?', q.villageCode);
  if (q.reviewState) where.add('a.review_state = ?', q.reviewState);
  if (q.year !== null) where.add('a.year = ?', q.year);
  if (q.passed !== null) where.add('a.passed = ?', flag(q.passed));
  if (q.needsReassessment !== null) where.add('a.needs_reassessment = ?', flag(q.needsReassessment));
  const order = [...q.sort.map((s) => `${ASSESSMENT_COLUMN[s.column]} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`), 'a.year DESC', 'h.household_no', 'a.id'];
  const [rows, count] = await Promise.all([
    ctx.db.all<AssessmentRecord>(`${ASSESSMENT_SELECT} WHERE ${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`, [...where.params, q.endRow - q.startRow, q.startRow]),
    ctx.db.get<{ n: number }>(`SELECT count(*) AS n ${ASSESSMENT_FROM} WHERE ${where.sql}`, where.params),
  ]);
  return {
    rows: rows.map((r) => {
      const { note: _note, reviewedBy: _by, reviewedAt: _at, rowVersion: _v, ...row } = toAssessment(r);
      return row;
    }),
    total: count?.n ?? 0,
  };
}

export async function pageTests(ctx: ServiceContext, q: TestQuery): Promise<MethodOutput<'water/tests/page'>> {
  const where = new Where();
  where.add('t.deleted_at IS NULL');
  if (q.quickSearch) {
    const like = likeOf(q.quickSearch);
    where.add(`(s.name LIKE ? ESCAPE '\\' OR t.lab LIKE ? ESCAPE '\\' OR t.place_note LIKE ? ESCAPE '\\')`, like, like, like);
  }
  if (q.villageCode) where.add('s.village_code = ?', q.villageCode);
  if (q.reviewState) where.add('t.review_state = ?', q.reviewState);
  if (q.year !== null) where.add("t.sampled_on >= ? AND t.sampled_on < ?", `${q.year}-01-01`, `${q.year + 1}-01-01`);
  if (q.supplyId) where.add('t.supply_id = ?', q.supplyId);
  if (q.testKind) where.add('t.kind = ?', q.testKind);
  if (q.passed !== null) where.add('t.passed = ?', flag(q.passed));
  const order = [...q.sort.map((s) => `${TEST_COLUMN[s.column]} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`), 't.sampled_on DESC', 't.id'];
  const [rows, count] = await Promise.all([
    ctx.db.all<TestRecord>(`${TEST_SELECT} WHERE ${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`, [...where.params, q.endRow - q.startRow, q.startRow]),
    ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM water_test t JOIN water_supply s ON s.id = t.supply_id WHERE ${where.sql}`, where.params),
  ]);
  return {
    rows: rows.map((r) => {
      const { note: _note, rowVersion: _v, ...row } = toTest(r);
      return row;
    }),
    total: count?.n ?? 0,
  };
}
