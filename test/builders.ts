import type { GroupNode, LeafNode, Rule, TemplateDefinition } from '../src/core/indicators/types.ts';

/** Builders take partial overrides and return valid objects. */
let seq = 0;
const nextCode = (prefix: string) => `${prefix}${++seq}`;

export function aLeaf(overrides: Partial<LeafNode> & { rule?: Rule } = {}): LeafNode {
  return {
    type: 'leaf',
    code: overrides.code ?? nextCode('L'),
    name: overrides.name ?? '实际完成率',
    weight: overrides.weight ?? 10,
    rule: overrides.rule ?? { kind: 'positive' },
    ...overrides,
  } as LeafNode;
}

export function aGroup(
  children: GroupNode['children'],
  overrides: Partial<Omit<GroupNode, 'children'>> = {},
): GroupNode {
  const base = children.filter((c) =>
    c.type === 'group' ? (c.category ?? 'base') : c.rule.kind !== 'deduction' && c.rule.kind !== 'bonus',
  );
  return {
    type: 'group',
    code: overrides.code ?? nextCode('G'),
    name: overrides.name ?? '产出指标',
    weight: overrides.weight ?? base.reduce((s, c) => s + c.weight, 0),
    children,
    ...overrides,
  } as GroupNode;
}

export function aTemplate(nodes: TemplateDefinition['nodes'], maxScore?: number): TemplateDefinition {
  const base = nodes.filter((c) =>
    c.type === 'group'
      ? (c.category ?? 'base') === 'base'
      : c.rule.kind !== 'deduction' && c.rule.kind !== 'bonus',
  );
  return { maxScore: maxScore ?? base.reduce((s, c) => s + c.weight, 0), nodes };
}

/**
 * A realistic three-level template with ten leaves of mixed kinds (positive, reverse, qualitative,
 * banded, formula, deduction, bonus) and fixed targets: the shape used by the engine benchmark.
 */
export function mixedTemplate(): TemplateDefinition {
  return {
    maxScore: 100,
    nodes: [
      {
        type: 'group',
        code: 'C',
        name: '产出指标',
        weight: 50,
        children: [
          {
            type: 'group',
            code: 'C1',
            name: '数量指标',
            weight: 20,
            children: [
              {
                type: 'leaf',
                code: 'C11',
                name: '培训人次',
                weight: 10,
                unit: '人次',
                rule: { kind: 'positive', target: 1000 },
              },
              {
                type: 'leaf',
                code: 'C12',
                name: '覆盖乡镇数',
                weight: 10,
                unit: '个',
                rule: { kind: 'positive', target: 20 },
              },
            ],
          },
          {
            type: 'group',
            code: 'C2',
            name: '质量指标',
            weight: 15,
            children: [
              {
                type: 'leaf',
                code: 'C21',
                name: '验收合格率',
                weight: 15,
                unit: '%',
                rule: {
                  kind: 'banded',
                  bands: [
                    { from: 0, points: 0 },
                    { from: 80, points: 9 },
                    { from: 90, points: 12 },
                    { from: 95, points: 15 },
                  ],
                },
              },
            ],
          },
          {
            type: 'group',
            code: 'C3',
            name: '成本指标',
            weight: 15,
            children: [
              {
                type: 'leaf',
                code: 'C31',
                name: '人均培训成本',
                weight: 15,
                unit: '元',
                rule: { kind: 'reverse', target: 800 },
              },
            ],
          },
        ],
      },
      {
        type: 'group',
        code: 'E',
        name: '效益指标',
        weight: 30,
        children: [
          {
            type: 'group',
            code: 'E1',
            name: '社会效益',
            weight: 30,
            children: [
              {
                type: 'leaf',
                code: 'E11',
                name: '政策知晓率提升',
                weight: 15,
                rule: { kind: 'qualitative' },
              },
              {
                type: 'leaf',
                code: 'E12',
                name: '就业转化率',
                weight: 15,
                unit: '%',
                rule: {
                  kind: 'formula',
                  expression: 'min(employed / trained, 1) * weight',
                  inputs: [
                    { name: 'employed', label: '就业人数' },
                    { name: 'trained', label: '培训人数' },
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        type: 'group',
        code: 'S',
        name: '满意度指标',
        weight: 20,
        children: [
          {
            type: 'group',
            code: 'S1',
            name: '服务对象满意度',
            weight: 20,
            children: [
              {
                type: 'leaf',
                code: 'S11',
                name: '学员满意度',
                weight: 20,
                unit: '%',
                rule: { kind: 'positive', target: 90 },
              },
            ],
          },
        ],
      },
      {
        type: 'group',
        code: 'D',
        name: '减分指标',
        category: 'deduction',
        weight: 10,
        children: [
          {
            type: 'leaf',
            code: 'D1',
            name: '审计发现问题',
            weight: 6,
            rule: { kind: 'deduction', perUnit: 2 },
          },
          {
            type: 'leaf',
            code: 'D2',
            name: '违反财经纪律',
            weight: 10,
            rule: { kind: 'deduction', perUnit: 5 },
          },
        ],
      },
      { type: 'leaf', code: 'B1', name: '政策加分', weight: 5, rule: { kind: 'bonus', perUnit: 1 } },
    ],
  };
}
