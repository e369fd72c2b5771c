/**
 * The housing-repair ledger's enumerations (危房改造), as stable codes; labels live in the i18n
 * files under `housing.*`. Kept beside the ledger rather than in enums.ts: only this ledger uses them.
 */

/** 房屋安全等级: C and D are dangerous (危房); A and B are safe. */
export const safetyGrades = ['A', 'B', 'C', 'D'] as const;
export type SafetyGrade = (typeof safetyGrades)[number];

/** 改造方式: 修缮加固, 拆除重建, 新建, 置换, 租赁. */
export const repairModes = ['reinforce', 'rebuild', 'new_build', 'replacement', 'rental'] as const;
export type RepairMode = (typeof repairModes)[number];

/** The modes that put up a new house: a subsidy for them on a safe (A/B) house is suspect. */
export const rebuildModes: readonly RepairMode[] = ['rebuild', 'new_build'];

/** 验收结果: 合格 or 不合格 (not accepted: the work goes on). */
export const acceptanceResults = ['passed', 'failed'] as const;
export type AcceptanceResult = (typeof acceptanceResults)[number];

/** 照片: 改造前, 改造中, 改造后. */
export const photoPhases = ['before', 'during', 'after'] as const;
export type PhotoPhase = (typeof photoPhases)[number];

/** Derived from the dates, never typed: 待鉴定 → 已鉴定 → 已公示 → 在建 → 已竣工 → 已验收 → 已拨付. */
export const housingStages = ['awaiting_appraisal', 'appraised', 'publicized', 'under_construction', 'completed', 'accepted', 'disbursed'] as const;
export type HousingStage = (typeof housingStages)[number];

/** 补助资金来源: 中央, 省, 市, 县. */
export const subsidySources = ['central', 'provincial', 'city', 'county'] as const;
export type SubsidySource = (typeof subsidySources)[number];
