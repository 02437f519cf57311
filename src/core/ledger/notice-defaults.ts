/**
 * Which subjects of a run a notice proposes, and the defaults a division configures (region setting
 * `ledger.notice_defaults`): the grades noticed (default 低/差), or the bottom N by rank instead; how many
 * items per subject; how many days the owners get.
 */
import type { ItemStatus } from './types.ts';

export const NOTICE_DEFAULTS_SETTING = 'ledger.notice_defaults';

export interface NoticeDefaults {
  /** Grade band codes noticed by default. */
  readonly grades: readonly string[];
  /** When set, the bottom N ranked subjects instead of the grades. */
  readonly bottomN: number | null;
  readonly itemsPerSubject: number;
  readonly deadlineDays: number;
}

export const DEFAULT_NOTICE_DEFAULTS: NoticeDefaults = {
  grades: ['low', 'poor'],
  bottomN: null,
  itemsPerSubject: 3,
  deadlineDays: 60,
};

const posInt = (x: unknown, max: number): number | null =>
  typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= max ? x : null;

/** Reads a stored setting value; anything unusable falls back to the defaults field by field. */
export function readNoticeDefaults(value: unknown): NoticeDefaults {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const grades = Array.isArray(v['grades'])
    ? v['grades'].filter((g): g is string => typeof g === 'string' && g.length > 0)
    : null;
  return {
    grades: grades && grades.length > 0 ? grades : DEFAULT_NOTICE_DEFAULTS.grades,
    bottomN: posInt(v['bottomN'], 10_000) ?? DEFAULT_NOTICE_DEFAULTS.bottomN,
    itemsPerSubject: posInt(v['itemsPerSubject'], 20) ?? DEFAULT_NOTICE_DEFAULTS.itemsPerSubject,
    deadlineDays: posInt(v['deadlineDays'], 366) ?? DEFAULT_NOTICE_DEFAULTS.deadlineDays,
  };
}

export interface RankedResult {
  readonly subjectId: string;
  readonly grade: string;
  readonly rank: number | null;
}

/**
 * The subjects a notice proposes: those of the given grades, or the bottom N ranked (ties at the edge
 * included). Unranked (incomplete) subjects are never proposed. Lowest rank first.
 */
export function selectSubjects(
  results: readonly RankedResult[],
  selection: { readonly grades?: readonly string[]; readonly bottomN?: number | null },
): string[] {
  const ranked = results.filter((r) => r.rank !== null);
  ranked.sort((a, b) => b.rank! - a.rank!);
  if (selection.bottomN !== undefined && selection.bottomN !== null) {
    const n = Math.max(0, Math.floor(selection.bottomN));
    if (n === 0 || ranked.length === 0) return [];
    const edge = ranked[Math.min(n, ranked.length) - 1]!.rank!;
    return ranked.filter((r) => r.rank! >= edge).map((r) => r.subjectId);
  }
  const grades = new Set(selection.grades ?? DEFAULT_NOTICE_DEFAULTS.grades);
  return ranked.filter((r) => grades.has(r.grade)).map((r) => r.subjectId);
}

// ---------------------------------------------------------------------------------------------------------
// Days and deadlines. Deadlines are calendar days (YYYY-MM-DD) in China (UTC+8): an item is overdue from
// the day after its deadline while it is not accepted.
// ---------------------------------------------------------------------------------------------------------

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China at an instant: '2026-07-31'. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** '2026-07-31' + 3 → '2026-08-03'. */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

export function isValidDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/** Still waiting for the owner or the reviewer (not accepted, not closed). */
export const PENDING_STATUSES: readonly ItemStatus[] = ['open', 'submitted', 'returned'];

export function isOverdue(item: { status: ItemStatus; deadline: string }, today: string): boolean {
  return PENDING_STATUSES.includes(item.status) && item.deadline < today;
}
