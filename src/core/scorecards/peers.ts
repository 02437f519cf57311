/**
 * A subject among its peers (画像 › 同类比较): who its peers are, its rank among them, and the peers'
 * average total and first-level points beside the province's average (the mean over every subject the
 * run graded). Averages and ranks count graded subjects only, as the run's own averages do.
 *
 * Peers by subject kind:
 * - a division (市县): the divisions with the same parent — a county among its city's counties, a city among
 *   the cities;
 * - an asset class or a revenue item: the same class or item in the other divisions (行政事业性资产 with
 *   行政事业性资产), since different classes are not comparable;
 * - anything else (departments, 处室, funds): every subject of the run.
 */
import { round } from '../kernel/index.ts';
import type { SubjectKind } from '../scoring/ports.ts';
import { INCOMPLETE_GRADE } from '../scoring/score-subjects.ts';
import { rankTotals } from '../scoring/score-batch.ts';

export type PeerBasis = 'same_parent' | 'same_item' | 'all';

export interface PeerSubject {
  readonly subjectId: string;
  readonly refCode: string;
  /** The subject's own division. */
  readonly mofDivCode: string;
  readonly total: number;
  readonly grade: string;
  readonly nodePoints: Readonly<Record<string, number>>;
}

export interface PeerComparison {
  readonly basis: PeerBasis;
  /** Graded peers, the subject included when graded. */
  readonly peerCount: number;
  /** Competition rank among the graded peers (totals as printed); null when the subject is not graded. */
  readonly rankAmongPeers: number | null;
  readonly peerAverageTotal: number | null;
  readonly provinceAverageTotal: number | null;
  /** Graded subjects of the whole run. */
  readonly provinceCount: number;
  readonly firstLevel: readonly {
    readonly code: string;
    readonly points: number;
    readonly peerAverage: number | null;
    readonly provinceAverage: number | null;
  }[];
  /** The peers (graded or not), best first, for a chart. */
  readonly peers: readonly { readonly subjectId: string; readonly total: number; readonly grade: string }[];
}

export function peerBasisOf(kind: SubjectKind): PeerBasis {
  if (kind === 'division') return 'same_parent';
  if (kind === 'asset_class' || kind === 'revenue_item') return 'same_item';
  return 'all';
}

/** The peers of `subject` in `all` (the subject included). */
export function peerGroup<T extends PeerSubject>(
  basis: PeerBasis,
  subject: PeerSubject,
  all: readonly T[],
  parentOf: (divisionCode: string) => string | null,
): T[] {
  if (basis === 'all') return [...all];
  if (basis === 'same_item') return all.filter((s) => s.refCode === subject.refCode);
  const parent = parentOf(subject.mofDivCode);
  return all.filter((s) => parentOf(s.mofDivCode) === parent);
}

function mean(rows: readonly PeerSubject[], pick: (s: PeerSubject) => number): number | null {
  if (rows.length === 0) return null;
  let sum = 0;
  for (const r of rows) sum += pick(r);
  return sum / rows.length;
}

export function comparePeers(
  basis: PeerBasis,
  subject: PeerSubject,
  all: readonly PeerSubject[],
  firstLevelCodes: readonly string[],
  parentOf: (divisionCode: string) => string | null,
): PeerComparison {
  const graded = (s: PeerSubject) => s.grade !== INCOMPLETE_GRADE;
  const province = all.filter(graded);
  const peers = peerGroup(basis, subject, all, parentOf);
  const gradedPeers = peers.filter(graded);
  let rankAmongPeers: number | null = null;
  const k = gradedPeers.findIndex((p) => p.subjectId === subject.subjectId);
  if (k >= 0) {
    rankAmongPeers = rankTotals(Float64Array.from(gradedPeers, (p) => round(p.total, 2)))[k]!;
  }
  return {
    basis,
    peerCount: gradedPeers.length,
    rankAmongPeers,
    peerAverageTotal: mean(gradedPeers, (s) => s.total),
    provinceAverageTotal: mean(province, (s) => s.total),
    provinceCount: province.length,
    firstLevel: firstLevelCodes.map((code) => ({
      code,
      points: subject.nodePoints[code] ?? 0,
      peerAverage: mean(gradedPeers, (s) => s.nodePoints[code] ?? 0),
      provinceAverage: mean(province, (s) => s.nodePoints[code] ?? 0),
    })),
    peers: [...peers]
      .sort((a, b) => b.total - a.total || a.refCode.localeCompare(b.refCode))
      .map((p) => ({ subjectId: p.subjectId, total: p.total, grade: p.grade })),
  };
}
