/**
 * School aid at county scale (issue 7), as rows of the standard school-aid sheet: payments to the
 * register's children in every term the standards table covers, deterministic from a seed. A
 * student's 学段 follows their age on 1 September of the 学年 and must fit the rules table's
 * range; every amount is the standard for its year, 学段, 项目 and 学期, so the checked import
 * takes each row without a warning. Students are taken in a seeded order, all their terms each.
 */
import { formatYuan } from '../../shared/domain/money.js';
import type { SchoolStage, SchoolTerm } from '../../shared/domain/enums.js';
import { ageOn } from '../../shared/domain/id-number.js';
import { stageAgeIssue, type StageAgeRange } from '../../shared/domain/school/stage-age.js';
import { ageReferenceDate } from '../../shared/domain/school/school-year.js';
import type { SchoolAidStandard } from '../../shared/domain/school/standard.js';
import type { Cell } from '../sheets/write-sheet.js';
import { seededRandom } from './demo-county-claims.js';
import { enumLabel } from './sheet-cells.js';
import { importedColumns } from './school/school-sheet.js';

export interface Student {
  idNumber: string;
  name: string;
  birthDate: string;
}

export interface SchoolRowOptions {
  count: number;
  seed: number;
  townshipName: string;
  countyName: string;
  standards: readonly SchoolAidStandard[];
  ageRanges: readonly StageAgeRange[];
}

const IN_PROVINCE = ['山东大学', '聊城大学', '济南大学', '山东师范大学', '青岛大学', '山东农业大学'];
const OUT_OF_PROVINCE = ['河南大学', '河北大学', '南京农业大学', '四川大学', '西北农林科技大学'];

/** Where a child of this age usually is; a student on the vocational track goes to 中职 at 15. */
function usualStage(age: number, vocational: boolean, university: boolean): SchoolStage | null {
  if (age >= 3 && age <= 5) return 'preschool';
  if (age >= 6 && age <= 11) return 'primary';
  if (age >= 12 && age <= 14) return 'junior';
  if (age >= 15 && age <= 17) return vocational ? 'vocational' : 'senior';
  if (age >= 18 && age <= 21 && university && !vocational) return 'higher';
  return null;
}

/** 秋季 of a calendar year is in the 学年 starting then; 春季 in the one that started the year before. */
function termsOf(years: readonly number[]): { schoolYearStart: number; term: SchoolTerm; aidYear: number }[] {
  return [...years].sort((a, b) => a - b).flatMap((y) => [
    { schoolYearStart: y - 1, term: 'spring' as const, aidYear: y },
    { schoolYearStart: y, term: 'autumn' as const, aidYear: y },
  ]);
}

/** Rows in the column order of `schoolSheetHeaders()`; exactly `count` when the register has enough children. */
export function* countySchoolRows(students: readonly Student[], options: SchoolRowOptions): Generator<Cell[]> {
  const rnd = seededRandom(options.seed * 4099 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const order = students.map((s) => ({ s, key: rnd() })).sort((a, b) => a.key - b.key).map((x) => x.s);
  const terms = termsOf([...new Set(options.standards.map((s) => s.year))]);
  const schools: Record<SchoolStage, () => string> = {
    preschool: () => `${options.townshipName}中心幼儿园`,
    primary: () => `${options.townshipName}中心小学`,
    junior: () => `${options.townshipName}初级中学`,
    senior: () => `${options.countyName}第一中学`,
    vocational: () => `${options.countyName}职业教育中心`,
    higher: () => '',
  };
  const keys = importedColumns.map((c) => c.key);
  let written = 0;
  for (const student of order) {
    const vocational = rnd() < 0.3;
    const university = rnd() < 0.5;
    const outOfProvince = rnd() < 0.25;
    const universityName = pick(outOfProvince ? OUT_OF_PROVINCE : IN_PROVINCE);
    for (const t of terms) {
      const onDate = ageReferenceDate(t.schoolYearStart);
      const stage = usualStage(ageOn(student.birthDate, onDate), vocational, university);
      if (!stage || stageAgeIssue(options.ageRanges, stage, student.birthDate, onDate) !== null) continue;
      const items = options.standards.filter((s) => s.year === t.aidYear && s.stage === stage && s.term === t.term && s.amountFen > 0);
      for (const standard of items) {
        if (written >= options.count) return;
        const month = t.term === 'spring' ? 4 + Math.floor(rnd() * 2) : 10 + Math.floor(rnd() * 2);
        const cells: Record<string, Cell> = {
          personName: student.name, idNumber: student.idNumber, schoolYear: `${t.schoolYearStart}-${t.schoolYearStart + 1}`,
          schoolTerm: enumLabel('schoolTerm', t.term), schoolStage: enumLabel('schoolStage', stage),
          schoolName: stage === 'higher' ? universityName : schools[stage](), aidItem: enumLabel('schoolAidItem', standard.item),
          amount: formatYuan(standard.amountFen),
          paidDate: `${t.aidYear}-${String(month).padStart(2, '0')}-${String(5 + Math.floor(rnd() * 20)).padStart(2, '0')}`,
          outOfProvince: stage === 'higher' && outOfProvince ? '是' : '否', note: null,
        };
        yield keys.map((key) => cells[key] ?? null);
        written++;
      }
    }
  }
}

export const schoolSheetHeaders = (): string[] => importedColumns.map((c) => c.header);
