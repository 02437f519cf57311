import type {
  FundClass,
  IndicatorDirection,
  IndicatorScope,
  IndicatorStatus,
  LibraryIndicator,
  ValueBasis,
} from './library.ts';

/** What the services need of the indicator library (指标库); implemented by db/repositories/indicator-repo. */

export const INDICATOR_SORTS = ['code', 'name', 'level1', 'validFrom', 'updatedAt'] as const;
export type IndicatorSort = (typeof INDICATOR_SORTS)[number];

export interface IndicatorFilter {
  /** Owners whose indicators may be listed (already cut to the actor's visibility). */
  readonly mofDivCodes: readonly string[];
  readonly scope?: IndicatorScope;
  readonly level1?: string;
  readonly level2?: string;
  readonly direction?: IndicatorDirection;
  readonly fundClass?: FundClass;
  readonly status?: IndicatorStatus;
  /** In force on this day (YYYY-MM-DD). */
  readonly validOn?: string;
  /** Code, name, standard or description contains this text. */
  readonly q?: string;
  readonly sort?: IndicatorSort;
  readonly order?: 'asc' | 'desc';
  readonly offset: number;
  /** null: every row (exports). */
  readonly limit: number | null;
}

export interface IndicatorFields {
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
}

export interface NewIndicator extends IndicatorFields {
  readonly mofDivCode: string;
  readonly status: IndicatorStatus;
  readonly createdBy: string | null;
}

export type IndicatorPatch = Partial<IndicatorFields> & { readonly status?: IndicatorStatus };

export interface IndicatorPort {
  list(filter: IndicatorFilter): Promise<{ items: LibraryIndicator[]; total: number }>;
  get(id: string): Promise<LibraryIndicator | null>;
  getByCode(mofDivCode: string, code: string): Promise<LibraryIndicator | null>;
  /** Which of `codes` exist among the indicators of `mofDivCodes` (for template references). */
  existingCodes(mofDivCodes: readonly string[], codes: readonly string[]): Promise<string[]>;
  create(indicator: NewIndicator): Promise<LibraryIndicator>;
  /** Applies a patch when the stored version is `expectedVersion`; null when it is not (stale write). */
  update(id: string, expectedVersion: number, patch: IndicatorPatch): Promise<LibraryIndicator | null>;
}
