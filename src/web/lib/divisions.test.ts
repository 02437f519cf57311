import { describe, expect, it } from 'vitest';
import { buildDivisionTree } from './divisions.ts';

describe('buildDivisionTree', () => {
  it('nests by parent code and keeps list order; orphans become roots', () => {
    const tree = buildDivisionTree([
      { code: '220100', name: '长春市', level: 'prefecture', parentCode: '220000' },
      { code: '220102', name: '南关区', level: 'county', parentCode: '220100' },
      { code: '220122', name: '农安县', level: 'county', parentCode: '220100' },
      { code: '229900', name: '长白山管委会', level: 'prefecture-equivalent', parentCode: '220000' },
    ]);
    expect(tree.map((t) => t.division.code)).toEqual(['220100', '229900']);
    expect(tree[0]!.children.map((c) => c.division.name)).toEqual(['南关区', '农安县']);
  });
});
