/**
 * Reads a printed 年度指标值 / 实际完成值 the way it appears in real published tables (DOMAIN.md §2):
 * "≥95%", "≧ 95 ％", "＞=1,200 人次", "═1", "≥266米" (a symbol in the actual), "43.2", "不低于90%",
 * "300万元以内", "12月底前", "达到预期", "无重大安全事故", "", "不适用". It never throws: whatever it cannot
 * read comes back with status `unparseable`.
 *
 * Reading rules, in order:
 * 1. Normalise: NFKC (full-width digits, ％, ＞, ＝, ，, ideographic space), then ≧ ⩾ → ≥, ≦ ⩽ → ≤,
 *    ═ 〓 → =, ≮ → ≥, ≯ → ≤; drop whitespace; `>=` `≥=` `>` → ≥ and `<=` `≤=` `<` → ≤ (a bare > or < is
 *    read as ≥ or ≤, as printed tables mean it).
 * 2. Blank ("", "-", "—", "/") → `blank`; 不适用 / 不涉及 / N/A → `not_applicable`.
 * 3. A quantity: [label][comparison word or symbol]number[unit][以上|以内|以下|左右|前 …], with thousands
 *    separators; no symbol means `=`. The unit must be a known unit, a prefixed one (万人, 亿元), a compound
 *    (元/人) or a short word of at most 3 characters (亩, 吨, 株).
 * 4. A quantity followed by a remark after a separator ("95.6%，超额完成") keeps the quantity.
 * 5. Anything else with Chinese characters is `qualitative` text; anything else is `unparseable`.
 */
import type { Comparison, ParsedValue } from './types.ts';

/** Units seen in published tables; any of them may carry a 万/亿/千/百万 prefix. */
export const KNOWN_UNITS: readonly string[] = [
  '%',
  '‰',
  '元',
  '人',
  '人次',
  '户',
  '米',
  '公里',
  '千米',
  '厘米',
  '毫米',
  '平方米',
  '平方公里',
  '立方米',
  '亩',
  '公顷',
  '个',
  '次',
  '件',
  '项',
  '天',
  '日',
  '周',
  '月',
  '年',
  '小时',
  '分钟',
  '台',
  '套',
  '所',
  '家',
  '篇',
  '份',
  '册',
  '本',
  '批',
  '场',
  '期',
  '座',
  '处',
  '条',
  '辆',
  '艘',
  '架',
  '头',
  '只',
  '株',
  '棵',
  '吨',
  '公斤',
  '千克',
  '克',
  '度',
  '千瓦',
  '千瓦时',
  '万千瓦',
  '张',
  '名',
  '位',
  '户次',
  '床',
  '间',
  '栋',
  '幢',
  '口',
  '眼',
  '宗',
  '类',
  '种',
  '班',
  '所次',
  '课时',
  '学时',
  '分',
  '个百分点',
  '倍',
  '级',
  '星',
];

const UNIT_SET = new Set(KNOWN_UNITS);
const UNIT_PREFIX = /^(百万|万|亿|千)/;
/** Short unknown units are accepted, but not words that say something about the value. */
const NOT_A_UNIT = /[完成达到实现以上下内前左右超额未无不是否好优良差]/;

/** Words before a number that state the comparison. Longest first within each list. */
const PREFIX_WORDS: readonly (readonly [string, Exclude<Comparison, 'qualitative'>])[] = [
  ['大于或等于', '>='],
  ['大于等于', '>='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['达到', '>='],
  ['高于', '>='],
  ['大于', '>='],
  ['超过', '>='],
  ['多于', '>='],
  ['小于或等于', '<='],
  ['小于等于', '<='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['至多', '<='],
  ['最多', '<='],
  ['控制在', '<='],
  ['低于', '<='],
  ['小于', '<='],
  ['少于', '<='],
  ['等于', '='],
];
/** Matched longest first, so that 不超过 is not read as 超过 with a stray 不 before it. */
const PREFIX_WORDS_LONGEST_FIRST = [...PREFIX_WORDS].sort((a, b) => b[0].length - a[0].length);
/** Words before a number that only say "about" or "in all": read as `=`, no comparison printed. */
const APPROX_WORDS = ['大约', '约为', '约', '共计', '共', '合计', '累计', '为', '达'];
/** Words after the number (and unit). */
const SUFFIX_WORDS: readonly (readonly [RegExp, Exclude<Comparison, 'qualitative'>])[] = [
  [/(?:及|或)?以上$/, '>='],
  [/(?:及|或)?以下$/, '<='],
  [/(?:以内|之内|内)$/, '<='],
  [/底?(?:以前|之前|前)$/, '<='],
  [/左右$/, '='],
];

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|^[+-]?\.\d+/;
const BLANK = /^[-—–─━_/\\.。·…]*$/;
const HAN = /\p{Script=Han}/u;

/** NFKC plus the symbol variants of printed tables; whitespace removed. */
export function normalizePrinted(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[≧⩾]/g, '≥')
    .replace(/[≦⩽]/g, '≤')
    .replace(/≮/g, '≥')
    .replace(/≯/g, '≤')
    .replace(/[═〓⩵]/g, '=')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/≥=|>=|=>|>/g, '≥')
    .replace(/≤=|<=|=<|</g, '≤')
    .replace(/={2,}/g, '=');
}

const SYMBOL_COMPARISON: Record<string, Exclude<Comparison, 'qualitative'>> = {
  '≥': '>=',
  '≤': '<=',
  '=': '=',
};

interface Quantity {
  readonly comparison: Exclude<Comparison, 'qualitative'>;
  readonly comparisonPrinted: boolean;
  readonly value: number;
  readonly unit: string | null;
  readonly text?: string;
}

/** Is `u` (after removing a 万/亿 prefix) a unit? */
export function isUnit(u: string): boolean {
  if (UNIT_SET.has(u)) return true;
  const bare = u.replace(UNIT_PREFIX, '');
  if (bare !== u && (bare === '' || UNIT_SET.has(bare))) return true;
  const parts = u.split('/');
  if (parts.length === 2) return parts.every((p) => p !== '' && isUnit(p));
  return /^[\p{Script=Han}A-Za-z]{1,3}$/u.test(u) && !NOT_A_UNIT.test(u);
}

function readHead(
  head: string,
): { comparison: Exclude<Comparison, 'qualitative'>; printed: boolean; label: string } | null {
  if (head === '') return { comparison: '=', printed: false, label: '' };
  const symbols = /[≥≤=]+$/.exec(head);
  if (symbols) {
    const first = symbols[0][0]!;
    const label = head.slice(0, symbols.index);
    // a label before a symbol may itself end with a word ("合格率不低于≥") — the symbol wins
    return isLabel(label) ? { comparison: SYMBOL_COMPARISON[first]!, printed: true, label } : null;
  }
  for (const [word, comparison] of PREFIX_WORDS_LONGEST_FIRST) {
    if (head.endsWith(word)) {
      const label = head.slice(0, head.length - word.length);
      return isLabel(label) ? { comparison, printed: true, label } : null;
    }
  }
  for (const word of APPROX_WORDS) {
    if (head.endsWith(word)) {
      const label = head.slice(0, head.length - word.length);
      return isLabel(label) ? { comparison: '=', printed: false, label } : null;
    }
  }
  return null;
}

/** A label before the comparison ("合格率≥95%"): letters only, no digits or symbols. */
function isLabel(s: string): boolean {
  return s === '' || /^[\p{Script=Han}A-Za-z]{1,16}$/u.test(s);
}

function readQuantity(s: string): Quantity | null {
  const start = s.search(/[+-]?\.?\d/);
  if (start < 0) return null;
  const head = s.slice(0, start);
  const m = NUMBER.exec(s.slice(start));
  if (!m) return null;
  const value = Number(m[0].replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const headRead = readHead(head);
  if (!headRead) return null;

  let tail = s.slice(start + m[0].length);
  const remarks: string[] = [];
  tail = tail.replace(/[(（][^)）]*[)）]/g, (r) => {
    remarks.push(r);
    return '';
  });
  let comparison = headRead.comparison;
  let printed = headRead.printed;
  for (const [re, c] of SUFFIX_WORDS) {
    const hit = re.exec(tail);
    if (hit) {
      tail = tail.slice(0, hit.index);
      if (!printed) {
        comparison = c;
        printed = c !== '=';
      }
      break;
    }
  }
  if (tail !== '' && !isUnit(tail)) return null;
  const text = [headRead.label, ...remarks].filter((t) => t !== '').join('');
  return {
    comparison,
    comparisonPrinted: printed,
    value: value === 0 ? 0 : value,
    unit: tail === '' ? null : tail,
    ...(text !== '' ? { text } : {}),
  };
}

/** Reads one printed value. Numbers (from spreadsheet cells) are read as their decimal text. */
export function parseValue(raw: string | number | null | undefined): ParsedValue {
  const rawText =
    raw === null || raw === undefined ? '' : typeof raw === 'number' ? numberText(raw) : String(raw);
  const s = normalizePrinted(rawText);
  const base = { raw: rawText, comparison: null, value: null, unit: null, comparisonPrinted: false } as const;

  if (BLANK.test(s)) return { ...base, status: 'blank' };
  if (/不适用|不涉及/.test(s) || /^n\/?a$/i.test(s)) return { ...base, status: 'not_applicable', text: s };

  const q = readQuantity(s);
  if (q) return { raw: rawText, status: 'number', ...q };

  // "95.6%，超额完成": the quantity, then a remark after a separator.
  const sep = s.search(/[,;、。:]/);
  if (sep > 0) {
    const first = readQuantity(s.slice(0, sep));
    const rest = s.slice(sep + 1);
    if (first && HAN.test(rest)) {
      const text = [first.text, rest].filter((t) => t !== undefined && t !== '').join('；');
      return { raw: rawText, status: 'number', ...first, text };
    }
  }

  if (HAN.test(s)) {
    const words = s.replace(/^[≥≤=]+/, '');
    return { ...base, status: 'qualitative', comparison: 'qualitative', text: words };
  }
  return { ...base, status: 'unparseable' };
}

/** A spreadsheet number as a person would type it: 12 significant digits, no float noise. */
export function numberText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

/**
 * Scales between units of the same quantity: `factor` × value gives the value in `base`.
 * 万元 = 10⁴ 元, 亿元 = 10⁸ 元, 万人 = 10⁴ 人, 公里 = 1000 米, % = 10 ‰ …
 */
export function unitScale(unit: string): { readonly base: string; readonly factor: number } {
  const special: Record<string, readonly [string, number]> = {
    '%': ['ratio', 0.01],
    '‰': ['ratio', 0.001],
    公里: ['米', 1000],
    千米: ['米', 1000],
    厘米: ['米', 0.01],
    毫米: ['米', 0.001],
    平方公里: ['平方米', 1e6],
    平方千米: ['平方米', 1e6],
    公顷: ['平方米', 1e4],
    公斤: ['克', 1000],
    千克: ['克', 1000],
    吨: ['克', 1e6],
    万吨: ['克', 1e10],
    千瓦: ['瓦', 1000],
    万千瓦: ['瓦', 1e7],
  };
  const hit = special[unit];
  if (hit) return { base: hit[0], factor: hit[1] };
  const prefix = UNIT_PREFIX.exec(unit);
  if (prefix && unit.length > prefix[0].length) {
    const inner = unitScale(unit.slice(prefix[0].length));
    const f = { 百万: 1e6, 万: 1e4, 亿: 1e8, 千: 1e3 }[prefix[0]] ?? 1;
    return { base: inner.base, factor: inner.factor * f };
  }
  return { base: unit, factor: 1 };
}

/**
 * The actual's value in the target's unit when both units are printed, differ, and measure the same thing
 * by a known scale; null otherwise (no conversion needed or possible).
 */
export function convertToUnit(value: number, from: string | null, to: string | null): number | null {
  if (from === null || to === null || from === to) return null;
  const a = unitScale(from);
  const b = unitScale(to);
  if (a.base !== b.base) return null;
  const converted = (value * a.factor) / b.factor;
  return Number(converted.toPrecision(12));
}
