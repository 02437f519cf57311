import { JILIN_FIVE_TIER, PRESET_GRADE_SCHEMES, type GradeBand } from '../../core/scoring/grades.ts';

/**
 * Finds the band a grade stands for, by stable code ('excellent') or by label ('优'), in the preset schemes
 * (Jilin five tiers first). Grade colours come from core/scoring/grades.ts: 优 green, 良 blue, 中 gold,
 * 低 orange, 差 red.
 */
export function findGradeBand(grade: string | null | undefined): GradeBand | undefined {
  if (!grade) return undefined;
  const g = grade.trim();
  for (const scheme of PRESET_GRADE_SCHEMES) {
    const band = scheme.bands.find((b) => b.code === g || b.label === g || b.labelEn === g);
    if (band) return band;
  }
  return undefined;
}

export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = JILIN_FIVE_TIER.bands;

/** Warning lights of monitoring (DOMAIN.md §4): always shown as a dot with the word. */
export const LIGHTS = ['red', 'yellow', 'green', 'blue'] as const;
export type Light = (typeof LIGHTS)[number];

export const LIGHT_COLORS: Record<Light, string> = {
  red: '#f5222d',
  yellow: '#faad14',
  green: '#52c41a',
  blue: '#1677ff',
};

export function isLight(x: unknown): x is Light {
  return typeof x === 'string' && (LIGHTS as readonly string[]).includes(x);
}
