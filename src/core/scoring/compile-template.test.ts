import { describe, expect, it } from 'vitest';
import { aGroup, aLeaf, aTemplate, mixedTemplate } from '../../../test/builders.ts';
import type { TemplateDefinition } from '../indicators/types.ts';
import { compileTemplate } from './compile-template.ts';

const codesOf = (def: TemplateDefinition, libraryCodes?: ReadonlySet<string>) => {
  const r = compileTemplate(def, libraryCodes ? { libraryCodes } : {});
  return r.ok ? [] : r.error.map((i) => [i.code, i.nodeCode]);
};

describe('compileTemplate', () => {
  it('compiles a valid mixed template into a plan with its inputs', () => {
    const r = compileTemplate(mixedTemplate());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.leaves).toHaveLength(10);
    expect(r.value.inputs.map((i) => i.key)).toEqual([
      'C11.actual',
      'C12.actual',
      'C21.actual',
      'C31.actual',
      'E11.level',
      'E11.score',
      'E12.employed',
      'E12.trained',
      'S11.actual',
      'D1.count',
      'D2.count',
      'B1.count',
    ]);
    expect(r.value.inputs.find((i) => i.key === 'E11.score')?.optional).toBe(true);
    // groups come children-first
    const order = r.value.groupsBottomUp.map((i) => r.value.nodes[i]!.code);
    expect(order.indexOf('C1')).toBeLessThan(order.indexOf('C'));
  });

  it('lists every problem at once, each with a code and the node', () => {
    const def: TemplateDefinition = {
      maxScore: 100,
      nodes: [
        aGroup(
          [
            aLeaf({ code: 'A1', weight: 20 }),
            aLeaf({ code: 'A1', weight: 20 }),
            aLeaf({
              code: 'A3',
              weight: 5,
              rule: {
                kind: 'banded',
                bands: [
                  { from: 10, points: 3 },
                  { from: 5, points: 9 },
                ],
              },
            }),
            aLeaf({
              code: 'A4',
              weight: 5,
              rule: { kind: 'formula', expression: 'min(x / y, 1) * weight', inputs: [{ name: 'x' }] },
            }),
            aLeaf({
              code: 'A5',
              weight: 5,
              rule: { kind: 'formula', expression: 'x.y', inputs: [{ name: 'x' }] },
            }),
            aLeaf({ code: 'A6', weight: 5, libraryCode: 'LIB-404' }),
          ],
          { code: 'A', name: '产出指标', weight: 50 },
        ),
        aGroup([aLeaf({ code: 'B1', weight: 30, rule: { kind: 'positive' } })], {
          code: 'B',
          weight: 40,
          name: '效益指标',
        }),
      ],
    };
    expect(codesOf(def, new Set(['LIB-1']))).toEqual([
      ['WEIGHTS_MISMATCH', 'A'],
      ['DUPLICATE_CODE', 'A1'],
      ['BAD_BANDS', 'A3'],
      ['UNKNOWN_REFERENCE', 'A4'],
      ['FORMULA_INVALID', 'A5'],
      ['UNKNOWN_REFERENCE', 'A6'],
      ['WEIGHTS_MISMATCH', 'B'],
      ['WEIGHTS_MISMATCH', null],
    ]);
  });

  it('explains a weight mismatch in Chinese with the numbers', () => {
    const r = compileTemplate(
      aTemplate(
        [aGroup([aLeaf({ weight: 10 }), aLeaf({ weight: 15 })], { name: '产出指标', weight: 30 })],
        30,
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.message).toBe('产出指标：下级指标分值之和为 25，与本级分值 30 不一致');
    expect(r.error[0]!.details).toEqual({ expected: 30, actual: 25 });
  });

  it('accepts children weights that do not add up when the group re-scales them', () => {
    const def = aTemplate(
      [aGroup([aLeaf({ weight: 1 }), aLeaf({ weight: 3 })], { weight: 100, rescale: true })],
      100,
    );
    const r = compileTemplate(def);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.nodes[0]!.factor).toBe(25);
  });

  it('excludes deductions and bonuses from the weight sums but checks their categories', () => {
    const ok = aTemplate([
      aGroup([aLeaf({ weight: 100 }), aLeaf({ weight: 5, rule: { kind: 'deduction', perUnit: 1 } })], {
        weight: 100,
      }),
      aLeaf({ weight: 10, rule: { kind: 'bonus' } }),
    ]);
    expect(codesOf(ok)).toEqual([]);
    const bad = aTemplate([
      aLeaf({ weight: 100 }),
      aGroup([aLeaf({ code: 'X', weight: 5 })], { category: 'deduction', weight: 5 }),
    ]);
    expect(codesOf(bad)).toEqual([['CATEGORY_MISMATCH', 'X']]);
  });

  it.each([
    [{ kind: 'qualitative', levels: [{ label: '好', min: 0.5, max: 1.2 }] }, 'BAD_LEVELS'],
    [{ kind: 'qualitative', levels: [] }, 'BAD_LEVELS'],
    [{ kind: 'deduction', perUnit: 0 }, 'BAD_PER_UNIT'],
    [{ kind: 'banded', bands: [] }, 'BAD_BANDS'],
    [{ kind: 'banded', bands: [{ from: 0, points: 11 }] }, 'BAD_BANDS'],
    [{ kind: 'banded', basis: 'ratio', target: 0, bands: [{ from: 0, points: 1 }] }, 'BAD_BANDS'],
    [{ kind: 'positive', target: Number.NaN }, 'BAD_TARGET'],
    [{ kind: 'formula', expression: 'a', inputs: [{ name: 'a' }, { name: 'a' }] }, 'BAD_INPUTS'],
    [{ kind: 'formula', expression: 'weight', inputs: [{ name: 'weight' }] }, 'BAD_INPUTS'],
    [{ kind: 'formula', expression: 'nope(a)', inputs: [{ name: 'a' }] }, 'FORMULA_INVALID'],
  ] as const)('rejects the rule %j with %s', (rule, code) => {
    const def = aTemplate([
      aLeaf({ code: 'Z', weight: 90 }),
      aLeaf({ code: 'R', weight: 10, rule: rule as never }),
    ]);
    expect(codesOf(def)).toEqual([[code, 'R']]);
  });

  it('rejects an empty template and empty groups', () => {
    expect(codesOf({ maxScore: 100, nodes: [] })).toEqual([['EMPTY_TEMPLATE', null]]);
    expect(codesOf({ maxScore: 0, nodes: [aGroup([], { code: 'E', weight: 0 })] })).toEqual([
      ['BAD_WEIGHT', null],
      ['EMPTY_GROUP', 'E'],
    ]);
  });
});
