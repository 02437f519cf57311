import { formatWanYuan, formatYuan, isFen, type Fen } from '../../core/kernel/money.ts';
import type { Lang } from './i18n-core.ts';

/**
 * How numbers and dates look everywhere in the web app (UX.md): amounts in 万元 with two decimals (元 on
 * request) and thousands separators, percentages with one decimal, scores with two, dates as 2026年7月31日
 * in prose and 2026-07-31 in tables. Missing values show as an em dash.
 */
export const NONE = '—';

export type AmountUnit = 'wan' | 'yuan';

/** Integer fen → "12,345.68" in 万元 (default) or 元; the unit belongs in the column header. */
export function formatAmount(fen: Fen | null | undefined, unit: AmountUnit = 'wan'): string {
  if (fen === null || fen === undefined || !isFen(fen)) return NONE;
  return unit === 'yuan' ? formatYuan(fen) : formatWanYuan(fen);
}

/** The unit's name for a column header: 万元 / 元 (English: 10k yuan / yuan). */
export function amountUnitLabel(unit: AmountUnit, lang: Lang): string {
  if (unit === 'yuan') return lang === 'en' ? 'yuan' : '元';
  return lang === 'en' ? '10k yuan' : '万元';
}

/** "项目预算总额（万元）" / "Total project budget (10k yuan)". */
export function withUnit(label: string, unit: string, lang: Lang): string {
  return lang === 'en' ? `${label} (${unit})` : `${label}（${unit}）`;
}

const oneDecimal = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Half away from zero at `digits` decimals, robust against binary noise (as core/kernel's round). */
function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f + 1e-9) / f;
  return x < 0 ? -r : r;
}

/**
 * "85.3%". `value` is in percent (85.25) unless `ratio: true` says it is a fraction (0.8525).
 */
export function formatPercent(value: number | null | undefined, options?: { ratio?: boolean }): string {
  if (!finite(value)) return NONE;
  const pct = options?.ratio ? value * 100 : value;
  return `${oneDecimal.format(roundHalfAway(pct, 1))}%`;
}

/** "87.50": scores always with two decimals. */
export function formatScore(value: number | null | undefined): string {
  if (!finite(value)) return NONE;
  return twoDecimals.format(roundHalfAway(value, 2));
}

/** "1,234": counts with thousands separators. */
export function formatCount(value: number | null | undefined): string {
  if (!finite(value)) return NONE;
  return integer.format(value);
}

interface DateParts {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly hh: number;
  readonly mm: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date from "2026-07-31" (taken as written, no time-zone shift), an ISO instant or a Date
 * (shown in the browser's local time). Invalid input gives null.
 */
export function dateParts(value: string | Date | null | undefined): DateParts | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
      return { y, m: mo, d, hh: 0, mm: 0 };
    }
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  return {
    y: date.getFullYear(),
    m: date.getMonth() + 1,
    d: date.getDate(),
    hh: date.getHours(),
    mm: date.getMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-07-31": dates in tables, in both languages. */
export function formatDate(value: string | Date | null | undefined): string {
  const p = dateParts(value);
  return p ? `${p.y}-${pad(p.m)}-${pad(p.d)}` : NONE;
}

/** "2026年7月31日" (English: "31 July 2026"): dates in prose, headings and notices. */
export function formatDateProse(value: string | Date | null | undefined, lang: Lang): string {
  const p = dateParts(value);
  if (!p) return NONE;
  return lang === 'en' ? `${p.d} ${EN_MONTHS[p.m - 1] ?? ''} ${p.y}` : `${p.y}年${p.m}月${p.d}日`;
}

/** "2026-07-31 14:05": an instant in a table or a status line. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const p = dateParts(value);
  return p ? `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.hh)}:${pad(p.mm)}` : NONE;
}

/**
 * Whole days from `today` to a due date: negative when overdue. Both are calendar dates, so time zones and
 * daylight saving do not move the answer.
 */
export function daysUntil(due: string | Date | null | undefined, today: Date): number | null {
  const p = dateParts(due);
  if (!p) return null;
  const a = Date.UTC(p.y, p.m - 1, p.d);
  const b = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((a - b) / 86_400_000);
}
