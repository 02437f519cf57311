import { describe, expect, it } from 'vitest';
import {
  amountUnitLabel,
  daysUntil,
  formatAmount,
  formatCount,
  formatDate,
  formatDateProse,
  formatPercent,
  formatScore,
  withUnit,
} from './format.ts';

describe('amounts (integer fen)', () => {
  it.each([
    [1_234_567_890, 'wan', '1,234.57'],
    [3_000_000_000, 'wan', '3,000.00'],
    [5_000, 'wan', '0.01'],
    [4_999, 'wan', '0.00'],
    [-12_345_678, 'wan', '-12.35'],
    [123_456, 'yuan', '1,234.56'],
    [0, 'yuan', '0.00'],
  ] as const)('%d fen in %s → %s', (fen, unit, text) => {
    expect(formatAmount(fen, unit)).toBe(text);
  });

  it('shows a dash for missing or non-integer amounts', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount(undefined)).toBe('—');
    expect(formatAmount(12.5)).toBe('—');
  });

  it('puts the unit in the header, in both languages', () => {
    expect(withUnit('项目预算总额', amountUnitLabel('wan', 'zh'), 'zh')).toBe('项目预算总额（万元）');
    expect(withUnit('Budget', amountUnitLabel('yuan', 'en'), 'en')).toBe('Budget (yuan)');
  });
});

describe('percentages, scores, counts', () => {
  it.each([
    [85.25, undefined, '85.3%'],
    [0.8525, { ratio: true }, '85.3%'],
    [100, undefined, '100.0%'],
    [1234.5, undefined, '1,234.5%'],
    [-2.45, undefined, '-2.5%'],
  ] as const)('percent %d %o → %s', (v, opts, text) => {
    expect(formatPercent(v, opts)).toBe(text);
  });

  it('scores always have two decimals, half away from zero', () => {
    expect(formatScore(87.5)).toBe('87.50');
    expect(formatScore(0.125)).toBe('0.13');
    expect(formatScore(100)).toBe('100.00');
    expect(formatScore(1234.5)).toBe('1234.50');
    expect(formatScore(Number.NaN)).toBe('—');
  });

  it('counts have thousands separators', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe('—');
  });
});

describe('dates', () => {
  it('tables: 2026-07-31; prose: 2026年7月31日 / 31 July 2026', () => {
    expect(formatDate('2026-07-31')).toBe('2026-07-31');
    expect(formatDateProse('2026-07-31', 'zh')).toBe('2026年7月31日');
    expect(formatDateProse('2026-07-31', 'en')).toBe('31 July 2026');
    expect(formatDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('rejects nonsense', () => {
    expect(formatDate('2026-13-01')).toBe('—');
    expect(formatDate('not a date')).toBe('—');
    expect(formatDateProse(null, 'zh')).toBe('—');
  });

  it('counts calendar days to a deadline (negative when overdue)', () => {
    const today = new Date(2026, 6, 25, 23, 59);
    expect(daysUntil('2026-07-31', today)).toBe(6);
    expect(daysUntil('2026-07-25', today)).toBe(0);
    expect(daysUntil('2026-07-20', today)).toBe(-5);
    expect(daysUntil(null, today)).toBeNull();
  });
});
