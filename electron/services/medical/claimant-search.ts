/** Finds the person a claim is for: by ID number (full or its first digits) or a name prefix. */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import { ageOn, maskIdNumber, normaliseIdNumber } from '../../../shared/domain/id-number.js';
import { todayOf, type ServiceContext } from '../context.js';

interface CandidateRecord {
  id: string; name: string; id_number: string; sex: 'male' | 'female'; birth_date: string; insured: number;
  removal_reason: string | null; household_id: string; household_no: string; head_name: string | null;
  village_code: string; village_name: string;
}

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findClaimants(ctx: ServiceContext, input: MethodArgs<'medical/findPerson'>): Promise<MethodOutput<'medical/findPerson'>> {
  const idPrefix = normaliseIdNumber(input.query);
  const byId = /^\d[\dX]{3,17}$/.test(idPrefix);
  const rows = await ctx.db.all<CandidateRecord>(
    `SELECT p.id, p.name, p.id_number, p.sex, p.birth_date, p.insured, p.removal_reason, p.household_id,
            h.household_no, head.name AS head_name, h.village_code, COALESCE(v.name, h.village_code) AS village_name
     FROM person p
     JOIN household h ON h.id = p.household_id AND h.deleted_at IS NULL
     LEFT JOIN village v ON v.code = h.village_code
     LEFT JOIN person head ON head.household_id = h.id AND head.relation = 'head' AND head.deleted_at IS NULL AND head.removal_reason IS NULL
     WHERE p.deleted_at IS NULL AND ${byId ? 'p.id_number' : 'p.name'} LIKE ? ESCAPE '\\'
     ORDER BY p.removal_reason IS NOT NULL, ${byId ? 'p.id_number' : 'length(p.name), p.name'}, p.id
     LIMIT ?`,
    [`${likeEscape(byId ? idPrefix : input.query)}%`, input.limit],
  );
  const onDate = input.onDate ?? todayOf(ctx);
  return {
    candidates: rows.map((r) => ({
      personId: r.id, name: r.name, idNumberMasked: maskIdNumber(r.id_number), sex: r.sex, birthDate: r.birth_date,
      age: Math.max(0, ageOn(r.birth_date, onDate)), insured: r.insured === 1, removed: r.removal_reason !== null,
      householdId: r.household_id, householdNo: r.household_no, headName: r.head_name, villageCode: r.village_code, villageName: r.village_name,
    })),
  };
}
