/**
 * The level of a qualitative (定性) row, judged from its printed actual against its printed target, and the
 * band of points that level allows (DOMAIN.md §2): 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w).
 *
 * The heuristic, in order (both texts compared after NFKC and with spaces and punctuation removed):
 * 1. Same wording as the target, or the actual contains the whole target and adds no negation or hedge
 *    ("全年无重大安全事故发生" for 无重大安全事故; but not "未提升" for 提升) → 达成.
 * 2. Both are grade words on one ladder (优/优秀 > 良/良好/好 > 较好 > 中/一般/合格 > 较差 > 差): at or
 *    above the target → 达成; one step below → 部分达成; further below → 未达成.
 * 3. A target that is itself a negative statement (无重大安全事故, 未发生违规, 零投诉, 杜绝…): the actual
 *    部分/基本/个别 → 部分达成; the actual saying "none" (无, 未发生, 没有, 零, 0) → 达成; an occurrence
 *    (发生, 出现, 存在, 有, a positive count) → 未达成; an achievement word → 达成.
 * 4. Otherwise: 部分/基本/初步/有所/一定 → 部分达成; a negation (未, 无, 否, 不, 没有, 差) → 未达成;
 *    an achievement or improvement word (达成, 达到, 完成, 有效, 显著, 提升, 优, 良, 好, 合格, 是, 达标 …)
 *    → 达成. Compounds that are not negations or hedges (不断, 无偿, 基本公共服务 …) are removed first.
 * 5. Nothing recognisable → null (the checker reports the actual as unreadable).
 */
import { normalizePrinted } from './parse-value.ts';
import type { ParsedValue, QualitativeLevel } from './types.ts';

/** Fractions of the weight: 达成 [0.8, 1], 部分达成 [0.6, 0.8), 未达成 [0, 0.6). */
export const QUALITATIVE_BANDS: Readonly<Record<QualitativeLevel, readonly [number, number]>> = {
  achieved: [0.8, 1],
  partial: [0.6, 0.8],
  not_achieved: [0, 0.6],
};

export const QUALITATIVE_LEVEL_LABELS: Readonly<Record<QualitativeLevel, string>> = {
  achieved: '达成',
  partial: '部分达成',
  not_achieved: '未达成',
};

/** Compounds that contain 不/无/未/基本 … without negating or hedging. */
const NEUTRAL_COMPOUNDS =
  /不断|不懈|不少于|不低于|不小于|不间断|不定期|不动产|无偿|无缝|无障碍|无纸化|未来|非常|基本公共|基本医疗|基本养老|基本建设|基本农田|基本生活|基本药物|基本情况|差距|差异/g;
const NEGATION = /无|未|没有|不|否|零|杜绝|避免|防止|严禁|禁止/;
const ACTUAL_NEGATION = /未|无|没有|不|否|尚未|较差|差/;
const PARTIAL = /部分|基本|初步|有所|一定|个别|大部分|少量|较少/;
const ACHIEVED =
  /达成|达到|实现|完成|达标|合格|有效|显著|明显|提升|提高|改善|增强|增加|优化|满足|符合|到位|及时|按时|按期|正常|良好|优|良|好|高|是|稳定|持续|保障|促进|推动|加强|发挥|满意|预期|目标|落实|通过|全部|全面|100%/;
const OCCURRENCE = /发生|出现|存在|有(?![效序力所])/;

const GRADE_LADDER: Readonly<Record<string, number>> = {
  优: 5,
  优秀: 5,
  很好: 5,
  非常好: 5,
  良: 4,
  良好: 4,
  好: 4,
  较好: 3,
  中: 2,
  中等: 2,
  一般: 2,
  合格: 2,
  较差: 1,
  差: 0,
  不合格: 0,
};

/** Trim, NFKC, and drop spaces, punctuation and symbols, so that "达到预期。" equals "达到 预期". */
export function normalizeWords(s: string): string {
  return normalizePrinted(s).replace(/[\p{P}\p{S}]/gu, (c) => (c === '%' ? c : ''));
}

export function isNegativeStatement(target: string): boolean {
  return NEGATION.test(normalizeWords(target).replace(NEUTRAL_COMPOUNDS, ''));
}

/** Judges the level of a qualitative row; null when the actual says nothing recognisable. */
export function judgeQualitative(target: ParsedValue, actual: ParsedValue): QualitativeLevel | null {
  const t = normalizeWords(target.text ?? target.raw);
  if (actual.status === 'number') {
    // "0" or "0起" against 无重大安全事故: none happened.
    if (isNegativeStatement(t) && actual.value !== null)
      return actual.value === 0 ? 'achieved' : 'not_achieved';
    return null;
  }
  if (actual.status !== 'qualitative') return null;
  const a = normalizeWords(actual.text ?? actual.raw);
  if (a === '') return null;
  if (a === t) return 'achieved';
  if (t.length >= 2 && a.includes(t)) {
    const rest = a.replace(t, '').replace(NEUTRAL_COMPOUNDS, '');
    if (!ACTUAL_NEGATION.test(rest) && !PARTIAL.test(rest)) return 'achieved';
  }

  const tg = GRADE_LADDER[t];
  const ag = GRADE_LADDER[a];
  if (tg !== undefined && ag !== undefined) {
    if (ag >= tg) return 'achieved';
    return tg - ag <= 1 ? 'partial' : 'not_achieved';
  }

  const plain = a.replace(NEUTRAL_COMPOUNDS, '');
  if (isNegativeStatement(t)) {
    if (PARTIAL.test(plain)) return 'partial';
    if (NEGATION.test(plain)) return 'achieved';
    if (OCCURRENCE.test(plain)) return 'not_achieved';
    return ACHIEVED.test(plain) ? 'achieved' : null;
  }
  if (PARTIAL.test(plain)) return 'partial';
  if (ACTUAL_NEGATION.test(plain)) return 'not_achieved';
  if (ag !== undefined) return ag >= 4 ? 'achieved' : ag >= 2 ? 'partial' : 'not_achieved';
  if (ACHIEVED.test(plain)) return 'achieved';
  return null;
}

/** The band of points for a level and weight: [lo, hi]. */
export function qualitativeBand(level: QualitativeLevel, weight: number): readonly [number, number] {
  const [lo, hi] = QUALITATIVE_BANDS[level];
  return [lo * weight, hi * weight];
}
