import type { Fen } from '../../core/kernel/money.ts';
import { formatAmount, formatCount, formatPercent, formatScore, type AmountUnit } from '../lib/format.ts';

/**
 * Numbers as officials read them: right-aligned by the table column, tabular figures, no unit in the cell
 * (the unit is in the column header or the label).
 */

/** An amount of integer fen in 万元 (default) or 元: `<Amount fen={budgetFen} />`. */
export function Amount({ fen, unit = 'wan' }: { fen: Fen | null | undefined; unit?: AmountUnit }) {
  return <span className="jx-num">{formatAmount(fen, unit)}</span>;
}

/** A percentage with one decimal; `ratio` when the value is a fraction (0.853 → 85.3%). */
export function Percent({ value, ratio = false }: { value: number | null | undefined; ratio?: boolean }) {
  return <span className="jx-num">{formatPercent(value, { ratio })}</span>;
}

/** A score with two decimals. */
export function Score({ value }: { value: number | null | undefined }) {
  return <span className="jx-num">{formatScore(value)}</span>;
}

/** A count with thousands separators. */
export function Count({ value }: { value: number | null | undefined }) {
  return <span className="jx-num">{formatCount(value)}</span>;
}
