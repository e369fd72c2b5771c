/**
 * Enumerations stored as stable codes; their Chinese and English labels live in
 * shared/i18n under `enum.<name>.<code>`.
 */
export const enums = {
  householdStatus: ['registered_poor', 'exited_enjoying', 'edge', 'instant_aid', 'monitored'],
  povertyCause: [
    'illness', 'disability', 'schooling', 'disaster', 'lack_land', 'lack_water', 'lack_skill',
    'lack_labor', 'lack_funds', 'poor_transport', 'lack_motivation', 'other',
  ],
  relation: [
    'head', 'spouse', 'son', 'daughter', 'daughter_in_law', 'son_in_law', 'grandson',
    'granddaughter', 'father', 'mother', 'sibling', 'other',
  ],
  health: ['healthy', 'chronic', 'serious', 'disabled'],
  disabilityType: ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'],
  disabilityGrade: ['1', '2', '3', '4'],
  laborAbility: ['skilled', 'normal', 'weak', 'lost', 'none'],
  schoolStatus: ['preschool_child', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'higher', 'not_in_school'],
  removalReason: ['death', 'moved_out', 'other'],
  /** 健康扶贫 layers, in their usual order (六重保障; 2019 had the first five). */
  medicalLayer: [
    'basic_insurance', 'critical_illness', 'hospital_waiver', 'medical_assistance', 'supplementary_commercial',
    'catastrophic_reassistance',
  ],
  /** What a layer's ratio applies to: 政策范围内费用, or what earlier layers left of it. */
  medicalLayerBase: ['in_scope', 'remaining'],
  /** 起付线 counted once a year (累计) or again at every visit (每次). */
  deductibleScope: ['year', 'visit'],
  visitType: ['inpatient', 'chronic_outpatient', 'general_outpatient'],
  hospitalLevel: ['township', 'county', 'city', 'provincial', 'out_of_province'],
  /** 教育资助: 学段, 资助项目, 学期 (春季 is the second term of a 学年). */
  schoolStage: ['preschool', 'primary', 'junior', 'senior', 'vocational', 'higher'],
  schoolAidItem: ['childcare_waiver', 'living_allowance', 'tuition_waiver', 'national_grant', 'yulu_plan', 'student_loan', 'other'],
  schoolTerm: ['spring', 'autumn'],
} as const;

export type EnumName = keyof typeof enums;
export type EnumValue<N extends EnumName> = (typeof enums)[N][number];

export type HouseholdStatus = EnumValue<'householdStatus'>;
export type PovertyCause = EnumValue<'povertyCause'>;
export type Relation = EnumValue<'relation'>;
export type Health = EnumValue<'health'>;
export type DisabilityType = EnumValue<'disabilityType'>;
export type DisabilityGrade = EnumValue<'disabilityGrade'>;
export type LaborAbility = EnumValue<'laborAbility'>;
export type SchoolStatus = EnumValue<'schoolStatus'>;
export type RemovalReason = EnumValue<'removalReason'>;
export type MedicalLayerCode = EnumValue<'medicalLayer'>;
export type MedicalLayerBase = EnumValue<'medicalLayerBase'>;
export type DeductibleScope = EnumValue<'deductibleScope'>;
export type VisitType = EnumValue<'visitType'>;
export type HospitalLevel = EnumValue<'hospitalLevel'>;
export type SchoolStage = EnumValue<'schoolStage'>;
export type SchoolAidItem = EnumValue<'schoolAidItem'>;
export type SchoolTerm = EnumValue<'schoolTerm'>;

export function isEnumValue<N extends EnumName>(name: N, value: string): value is EnumValue<N> {
  return (enums[name] as readonly string[]).includes(value);
}
