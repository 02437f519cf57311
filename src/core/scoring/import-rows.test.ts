import { describe, expect, it } from 'vitest';
import { mixedTemplate } from '../../../test/builders.ts';
import { unwrap } from '../kernel/index.ts';
import { compileTemplate } from './compile-template.ts';
import {
  checkImportRows,
  parseNumberText,
  type Cell,
  type ImportRow,
  type SubjectLookup,
} from './import-rows.ts';
import { inputMetas } from './inputs.ts';

const plan = unwrap(compileTemplate(mixedTemplate()));
const metas = inputMetas(plan);

const num = (value: number, percentFormat = false): Cell => ({ kind: 'number', value, percentFormat });
const text = (t: string): Cell => ({ kind: 'text', text: t });
const row = (rowNumber: number, code: string, cells: Record<string, Cell>): ImportRow => ({
  rowNumber,
  code,
  name: code,
  cells: new Map(Object.entries(cells)),
});
const lookup = (code: string): SubjectLookup =>
  code === 'X9'
    ? { status: 'out_of_scope', name: '榆树市' }
    : code.startsWith('S')
      ? { status: 'ok', subjectId: `id-${code}`, name: code }
      : { status: 'unknown' };

describe('parseNumberText', () => {
  it.each<[string, number | null]>([
    ['95', 95],
    ['1,234.5', 1234.5],
    ['９５％', 95],
    ['-3.2', -3.2],
    [' 12 ', 12],
    ['约八十', null],
    ['1.2.3', null],
    ['', null],
  ])('%s → %s', (input, expected) => expect(parseNumberText(input)).toBe(expected));
});

describe('checkImportRows', () => {
  it('keeps only changed values of good rows and reads percent cells and 不适用', () => {
    const stored = new Map<string, number | null>([['C11.actual', 900]]);
    const r = checkImportRows(
      plan,
      metas,
      [row(4, 'S1', { 'C11.actual': num(900), 'S11.actual': num(0.95, true), 'C21.actual': text('不适用') })],
      lookup,
      () => stored,
    );
    expect(r.bad).toEqual([]);
    expect(r.good).toHaveLength(1);
    expect([...r.good[0]!.changes]).toEqual([
      ['C21.actual', null],
      ['S11.actual', 95],
    ]);
  });

  it('lists every problem of every row: unknown, out of scope, duplicate, not a number, level, score band', () => {
    const r = checkImportRows(
      plan,
      metas,
      [
        row(4, 'S1', { 'C11.actual': text('许多') }),
        row(5, 'S1', { 'C11.actual': num(1) }),
        row(6, 'ZZ', { 'C11.actual': num(1) }),
        row(7, 'X9', { 'C11.actual': num(1) }),
        row(8, 'S2', { 'E11.level': text('良好'), 'D1.count': num(-1) }),
        row(9, 'S3', { 'E11.level': text('部分达成'), 'E11.score': num(14) }),
        row(10, 'S4', { 'D1.count': text('不适用') }),
        row(11, '', {}),
      ],
      lookup,
      () => new Map(),
    );
    expect(r.rows).toBe(7);
    const messages = new Map(r.bad.map((b) => [b.rowNumber, b.problems.map((p) => p.message.zh).join('|')]));
    expect(messages.get(4)).toContain('“许多”不是数字');
    expect(messages.get(5)).toContain('与第4行是同一评价对象');
    expect(messages.get(6)).toContain('不是本模板的评价对象');
    expect(messages.get(7)).toContain('不在您的管理范围内');
    expect(messages.get(8)).toContain('评价等级请从下拉列表选择');
    expect(messages.get(8)).toContain('不能为负数');
    expect(messages.get(9)).toContain('得分应在9至12分之间');
    expect(messages.get(10)).toContain('未发生请填0');
    expect(r.good).toEqual([]);
  });
});
