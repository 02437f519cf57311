import { domainError, err, ok, round, type DomainError, type Result } from '../kernel/index.ts';

/**
 * Grade schemes (等次) are data: ordered bands, highest first, each with an inclusive lower bound.
 * A total earns the first band whose `min` it reaches (after rounding to two decimals, as printed).
 */
export interface GradeBand {
  /** Stable code: 'excellent' | 'good' | 'fair' | 'low' | 'poor' for the presets. */
  readonly code: string;
  /** 优 / 良 / 中 / 低 / 差 */
  readonly label: string;
  readonly labelEn: string;
  readonly min: number;
  /** UI colour name (Ant Design tag colour). */
  readonly color: string;
}

export interface GradeScheme {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly bands: readonly GradeBand[];
}

/** MoF four tiers (财预〔2020〕10号): 优 [90,100], 良 [80,90), 中 [60,80), 差 [0,60). */
export const MOF_FOUR_TIER: GradeScheme = {
  code: 'mof-4',
  name: '财政部四档（优良中差）',
  nameEn: 'MoF four tiers',
  bands: [
    { code: 'excellent', label: '优', labelEn: 'Excellent', min: 90, color: 'green' },
    { code: 'good', label: '良', labelEn: 'Good', min: 80, color: 'blue' },
    { code: 'fair', label: '中', labelEn: 'Fair', min: 60, color: 'gold' },
    { code: 'poor', label: '差', labelEn: 'Poor', min: 0, color: 'red' },
  ],
};

/** Jilin five tiers (吉政发〔2025〕11号 T21), default thresholds proposed in DOMAIN.md §1. */
export const JILIN_FIVE_TIER: GradeScheme = {
  code: 'jilin-5',
  name: '吉林五档（优良中低差）',
  nameEn: 'Jilin five tiers',
  bands: [
    { code: 'excellent', label: '优', labelEn: 'Excellent', min: 90, color: 'green' },
    { code: 'good', label: '良', labelEn: 'Good', min: 80, color: 'blue' },
    { code: 'fair', label: '中', labelEn: 'Fair', min: 70, color: 'gold' },
    { code: 'low', label: '低', labelEn: 'Low', min: 60, color: 'orange' },
    { code: 'poor', label: '差', labelEn: 'Poor', min: 0, color: 'red' },
  ],
};

export const PRESET_GRADE_SCHEMES: readonly GradeScheme[] = [JILIN_FIVE_TIER, MOF_FOUR_TIER];

/** Checks that bands exist, codes are unique, and bounds strictly decrease. */
export function validateGradeScheme(scheme: GradeScheme): Result<GradeScheme, DomainError> {
  const problems: string[] = [];
  if (scheme.bands.length === 0) problems.push('至少需要一个等次');
  const codes = new Set<string>();
  scheme.bands.forEach((b, i) => {
    if (!Number.isFinite(b.min)) problems.push(`第${i + 1}档下限不是数字`);
    if (codes.has(b.code)) problems.push(`等次代码重复：${b.code}`);
    codes.add(b.code);
    const prev = scheme.bands[i - 1];
    if (prev && !(b.min < prev.min))
      problems.push(`“${b.label}”的下限 ${b.min} 应低于“${prev.label}”的 ${prev.min}`);
  });
  if (problems.length > 0) {
    return err(
      domainError(
        'GRADE_SCHEME_INVALID',
        { problems },
        { zh: problems.join('；'), en: `${problems.length} problem(s)` },
      ),
    );
  }
  return ok(scheme);
}

/** Index of the band a total falls in; totals below every band get the last band. */
export function gradeIndex(scheme: GradeScheme, total: number): number {
  const t = round(total, 2);
  const bands = scheme.bands;
  for (let i = 0; i < bands.length; i++) if (t >= bands[i]!.min) return i;
  return bands.length - 1;
}

export function gradeFor(scheme: GradeScheme, total: number): GradeBand {
  return scheme.bands[gradeIndex(scheme, total)]!;
}

/**
 * The smallest total that `gradeIndex` puts at or above `min` — found by bisection over doubles, so that
 * comparing a raw total with it is exactly "the total rounded to two decimals reaches min".
 */
function rawThreshold(min: number): number {
  const reaches = (x: number) => round(x, 2) >= min;
  let lo = min - 0.01;
  let hi = min + 0.01;
  while (reaches(lo)) lo -= 1;
  while (!reaches(hi)) hi += 1;
  for (let k = 0; k < 200; k++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const thresholdCache = new WeakMap<GradeScheme, Float64Array>();

/** Grades a whole column of totals; returns band indices (the same as `gradeIndex` for each total). */
export function gradeColumn(scheme: GradeScheme, totals: Float64Array, n = totals.length): Uint8Array {
  const out = new Uint8Array(n);
  let thr = thresholdCache.get(scheme);
  if (!thr) {
    thr = Float64Array.from(scheme.bands.slice(0, -1), (b) => rawThreshold(b.min));
    thresholdCache.set(scheme, thr);
  }
  // Bounds decrease strictly, so the band index is the count of thresholds above the total. Written out
  // for the usual four and five tiers, with `+(x < t)` (a flag, not a jump the CPU would mispredict).
  if (thr.length === 4) {
    const t0 = thr[0]!;
    const t1 = thr[1]!;
    const t2 = thr[2]!;
    const t3 = thr[3]!;
    for (let i = 0; i < n; i++) {
      const x = totals[i]!;
      out[i] = +(x < t0) + +(x < t1) + +(x < t2) + +(x < t3);
    }
  } else if (thr.length === 3) {
    const t0 = thr[0]!;
    const t1 = thr[1]!;
    const t2 = thr[2]!;
    for (let i = 0; i < n; i++) {
      const x = totals[i]!;
      out[i] = +(x < t0) + +(x < t1) + +(x < t2);
    }
  } else {
    const k = thr.length;
    for (let i = 0; i < n; i++) {
      const x = totals[i]!;
      let g = 0;
      for (let j = 0; j < k; j++) g += +(x < thr[j]!);
      out[i] = g;
    }
  }
  return out;
}
