import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula } from './formula.ts';

const run = (expr: string, vars: Record<string, number>, consts: Record<string, number> = {}) => {
  const names = Object.keys(vars);
  const f = compileFormula(expr, names, consts);
  if (!f.ok) throw new Error(f.error.en);
  return f.value.evaluateOne(names.map((n) => vars[n]!));
};

describe('compileFormula', () => {
  it.each([
    ['min(actual/target, 1) * weight', { actual: 45, target: 50 }, { weight: 10 }, 9],
    ['min(actual/target, 1) * weight', { actual: 60, target: 50 }, { weight: 10 }, 10],
    ['a + b * c', { a: 1, b: 2, c: 3 }, {}, 7],
    ['2 ^ 3 ^ 2', {}, {}, 512],
    ['a + b ^ 2', { a: 1, b: 3 }, {}, 10],
    ['a > 5 ? 10 : 0', { a: 6 }, {}, 10],
    ['if(a >= 90, 5, if(a >= 80, 3, 0))', { a: 85 }, {}, 3],
    ['clamp(a, 0, 10)', { a: 12 }, {}, 10],
    ['round(a, 2)', { a: 1.23456 }, {}, 1.23],
    ['round(2.5)', {}, {}, 3],
    ['max(a, b, c)', { a: 1, b: 9, c: 3 }, {}, 9],
    ['!(a == 1) || a != 2', { a: 1 }, {}, 1],
    ['实际值 / 目标值 * 10', { 实际值: 8, 目标值: 10 }, {}, 8],
    [
      '-a + abs(-3) + sqrt(16) + pow(2, 2) + floor(1.7) + ceil(1.2) + a % 3',
      { a: 7 },
      {},
      -7 + 3 + 4 + 4 + 1 + 2 + 1,
    ],
  ])('%s with %j → %s', (expr, vars, consts, expected) => {
    expect(run(expr, vars, consts)).toBeCloseTo(expected, 10);
  });

  it.each([
    ['a.b', ['a'], 'not_allowed', 0],
    ['x + a["b"]', ['a', 'x'], 'not_allowed', 4],
    ['actual / tagret', ['actual', 'target'], 'unknown_name', 9],
    ['foo(a)', ['a'], 'unknown_function', 0],
    ['Math.max(a, 1)', ['a'], 'not_allowed', 0],
    ['a + ', ['a'], 'syntax', 4],
    ['min()', [], 'arity', 0],
    ['clamp(a, 1)', ['a'], 'arity', 0],
    ['"text" + a', ['a'], 'not_allowed', 0],
    ['a = 1', ['a'], 'syntax', null],
    ['  ', [], 'empty', 0],
    ['constructor', [], 'unknown_name', 0],
    ['this', [], 'not_allowed', null],
  ])('refuses %s (%s)', (expr, vars, kind, position) => {
    const f = compileFormula(expr, vars);
    expect(f.ok).toBe(false);
    if (f.ok) return;
    expect(f.error.kind).toBe(kind);
    if (position !== null) expect(f.error.position).toBe(position);
    expect(f.error.zh.length).toBeGreaterThan(0);
  });

  it('names the position and the known names in the message', () => {
    const f = compileFormula('actual / tagret * 10', ['actual', 'target']);
    expect(f.ok).toBe(false);
    if (!f.ok) {
      expect(f.error.zh).toContain('tagret');
      expect(f.error.zh).toContain('第10个字符');
      expect(f.error.zh).toContain('target');
      expect(f.error.en).toContain('character 10');
    }
  });

  it('evaluates a column exactly like one subject at a time', () => {
    const f = compileFormula('if(b > 0, min(a / b, 1.2), 0) * 10 - abs(a - b) % 3 + max(a, 2) ^ 0.5', [
      'a',
      'b',
    ]);
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    const fin = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(fin, fin), { minLength: 1, maxLength: 50 }), (rows) => {
        const a = Float64Array.from(rows, (r) => r[0]);
        const b = Float64Array.from(rows, (r) => r[1]);
        const out = Array.from(f.value.evaluate([a, b], rows.length).subarray(0, rows.length));
        const one = rows.map(([x, y]) => f.value.evaluateOne([x, y]));
        expect(out).toEqual(one);
      }),
    );
  });

  it('folds constants and keeps per-call results independent of earlier batches', () => {
    const f = compileFormula('weight * 2 + a', ['a'], { weight: 5 });
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    const first = Array.from(f.value.evaluate([Float64Array.of(1, 2, 3)], 3));
    expect(first).toEqual([11, 12, 13]);
    const second = Array.from(f.value.evaluate([Float64Array.of(10)], 1).subarray(0, 1));
    expect(second).toEqual([20]);
  });
});
