/**
 * 指标库 (indicator library): 共性 and 个性 indicators with their place in the framework of 财预〔2021〕101号
 * (一级/二级), direction, unit, value basis, fund class and validity dates (DOMAIN.md §3). Indicators are
 * owned by a division: the province's are visible to every division below it, a county's only to itself
 * and below (and to the divisions above it, which oversee it).
 */

type Label = { readonly zh: string; readonly en: string };

/** 共性指标 / 个性指标. */
export const INDICATOR_SCOPES = ['common', 'specific'] as const;
export type IndicatorScope = (typeof INDICATOR_SCOPES)[number];
export const INDICATOR_SCOPE_LABELS: Record<IndicatorScope, Label> = {
  common: { zh: '共性指标', en: 'Common' },
  specific: { zh: '个性指标', en: 'Project-specific' },
};

/** How the target is printed: ≥A (正向), ≤A (反向), =A, or 定性. */
export const INDICATOR_DIRECTIONS = ['positive', 'reverse', 'equality', 'qualitative'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, Label> = {
  positive: { zh: '正向（≥）', en: 'Positive (≥)' },
  reverse: { zh: '反向（≤）', en: 'Reverse (≤)' },
  equality: { zh: '等于（＝）', en: 'Equality (=)' },
  qualitative: { zh: '定性', en: 'Qualitative' },
};

/** 指标值确定依据: 计划标准 / 行业标准 / 历史标准 / 预算支出标准 / 其他标准. */
export const VALUE_BASES = ['plan', 'industry', 'history', 'budget_standard', 'other'] as const;
export type ValueBasis = (typeof VALUE_BASES)[number];
export const VALUE_BASIS_LABELS: Record<ValueBasis, Label> = {
  plan: { zh: '计划标准', en: 'Plan standard' },
  industry: { zh: '行业标准', en: 'Industry standard' },
  history: { zh: '历史标准', en: 'Historical standard' },
  budget_standard: { zh: '预算支出标准', en: 'Budget expenditure standard' },
  other: { zh: '其他标准', en: 'Other standard' },
};

/** The six fund classes of the Jilin plan (T4–T9). */
export const FUND_CLASSES = [
  'development',
  'major_investment',
  'government_operation',
  'urban_operation',
  'livelihood',
  'emergency',
] as const;
export type FundClass = (typeof FUND_CLASSES)[number];
export const FUND_CLASS_LABELS: Record<FundClass, Label> = {
  development: { zh: '高质量发展专项资金', en: 'High-quality development special funds' },
  major_investment: { zh: '重大项目', en: 'Major investment projects' },
  government_operation: { zh: '政务运行', en: 'Government operations' },
  urban_operation: { zh: '城市运维', en: 'Urban operation and maintenance' },
  livelihood: { zh: '民生', en: "People's livelihood" },
  emergency: { zh: '应急稳定', en: 'Emergency and stability' },
};

export const INDICATOR_STATUSES = ['draft', 'active', 'retired'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  active: { zh: '在用', en: 'In use' },
  retired: { zh: '已停用', en: 'Retired' },
};

/** The framework of 财预〔2021〕101号: 一级 → 二级 (成本 has three sub-kinds, kept as 二级 here). */
export const INDICATOR_FRAMEWORK: readonly { readonly level1: Label; readonly level2: readonly Label[] }[] = [
  {
    level1: { zh: '产出指标', en: 'Output' },
    level2: [
      { zh: '数量指标', en: 'Quantity' },
      { zh: '质量指标', en: 'Quality' },
      { zh: '时效指标', en: 'Timeliness' },
      { zh: '成本指标', en: 'Cost' },
    ],
  },
  {
    level1: { zh: '效益指标', en: 'Benefit' },
    level2: [
      { zh: '经济效益指标', en: 'Economic benefit' },
      { zh: '社会效益指标', en: 'Social benefit' },
      { zh: '生态效益指标', en: 'Ecological benefit' },
      { zh: '可持续影响指标', en: 'Sustainable impact' },
    ],
  },
  {
    level1: { zh: '满意度指标', en: 'Satisfaction' },
    level2: [{ zh: '服务对象满意度指标', en: 'Beneficiary satisfaction' }],
  },
];

/** A library indicator as stored. Dates are ISO days (YYYY-MM-DD). */
export interface LibraryIndicator {
  readonly id: string;
  readonly mofDivCode: string;
  readonly code: string;
  readonly name: string;
  readonly level1: string;
  readonly level2: string;
  readonly scope: IndicatorScope;
  readonly direction: IndicatorDirection;
  readonly unit: string | null;
  readonly valueBasis: ValueBasis | null;
  readonly referenceValue: string | null;
  readonly functionClassCode: string | null;
  readonly fundClass: FundClass | null;
  readonly evaluationStandard: string | null;
  readonly description: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly status: IndicatorStatus;
  readonly createdBy: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** True when the indicator is in force on `day` (YYYY-MM-DD): from and to are inclusive, open when null. */
export function isValidOn(indicator: Pick<LibraryIndicator, 'validFrom' | 'validTo'>, day: string): boolean {
  return (
    (indicator.validFrom === null || indicator.validFrom <= day) &&
    (indicator.validTo === null || indicator.validTo >= day)
  );
}

/** Checks that the validity period is not reversed; returns the problem in words, or null. */
export function validityProblem(validFrom: string | null, validTo: string | null): Label | null {
  if (validFrom !== null && validTo !== null && validTo < validFrom) {
    return {
      zh: `失效日期 ${validTo} 早于生效日期 ${validFrom}`,
      en: `valid-to ${validTo} is before valid-from ${validFrom}`,
    };
  }
  return null;
}
