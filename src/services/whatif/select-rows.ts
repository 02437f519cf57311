/**
 * One page of a what-if's rows without sorting them all: the rows to list are marked, each has a sort
 * key (ascending; +Infinity for "no value", which therefore comes last), and only the rows up to the end
 * of the page are sorted — found by sorting the keys as a Float64Array (numeric, no comparator) and
 * keeping the rows at or below the page's last key. Ties keep the subjects' order.
 */
export function selectRows(
  include: Uint8Array,
  keys: Float64Array,
  offset: number,
  limit: number,
): { indices: number[]; total: number } {
  const n = include.length;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (include[i] !== 0) rows.push(i);
  const total = rows.length;
  const need = Math.min(total, offset + limit);
  if (need <= 0 || offset >= total) return { indices: [], total };
  let candidates = rows;
  if (need < total && total > 2000) {
    const ks = Float64Array.from(rows, (i) => keys[i]!);
    ks.sort();
    const threshold = ks[need - 1]!;
    candidates = rows.filter((i) => keys[i]! <= threshold);
  }
  candidates.sort((a, b) => keys[a]! - keys[b]! || a - b);
  return { indices: candidates.slice(offset, offset + limit), total };
}
