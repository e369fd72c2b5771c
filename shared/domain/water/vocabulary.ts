/**
 * The words of the drinking-water ledger (农村饮水安全评价准则), stored as stable codes; their
 * Chinese and English labels live in shared/i18n under `ui.water.<list>.<code>`.
 */
export const supplyTypes = ['centralized', 'dispersed', 'urban_extension'] as const;
export type SupplyType = (typeof supplyTypes)[number];

/** 日检, 月检, 季检, 年度监测, 第三方入户抽检. */
export const testKinds = ['daily', 'monthly', 'quarterly', 'annual', 'third_party'] as const;
export type TestKind = (typeof testKinds)[number];

/** Where the sample was taken: the supply works (出厂水) or a household tap (末梢水). */
export const testPlaces = ['works', 'tap'] as const;
export type TestPlace = (typeof testPlaces)[number];

/** 望闻问尝: the on-site check for a dispersed supply without a lab test. */
export const onsiteResults = ['pass', 'fail'] as const;
export type OnsiteResult = (typeof onsiteResults)[number];

export const indicators = ['quantity', 'quality', 'convenience', 'reliability'] as const;
export type Indicator = (typeof indicators)[number];

/** The parameters a test reports, with their unit (the limits table gives the bounds). */
export const waterParameters = [
  'total_coliforms', 'e_coli', 'total_bacteria', 'turbidity', 'ph', 'free_chlorine', 'fluoride', 'nitrate_n', 'arsenic',
  'tds', 'hardness',
] as const;
export type WaterParameter = (typeof waterParameters)[number];

export const parameterUnits: Record<WaterParameter, string> = {
  total_coliforms: 'MPN/100mL',
  e_coli: 'MPN/100mL',
  total_bacteria: 'CFU/mL',
  turbidity: 'NTU',
  ph: '',
  free_chlorine: 'mg/L',
  fluoride: 'mg/L',
  nitrate_n: 'mg/L',
  arsenic: 'mg/L',
  tds: 'mg/L',
  hardness: 'mg/L',
};

/** Small centralized and dispersed supplies have looser limits for some parameters. */
export const supplyScales = ['standard', 'small'] as const;
export type SupplyScale = (typeof supplyScales)[number];

/** A limit binds samples taken anywhere, or only at the works, or only at a tap. */
export const limitPlaces = ['any', 'works', 'tap'] as const;
export type LimitPlace = (typeof limitPlaces)[number];
