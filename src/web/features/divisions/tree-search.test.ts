import { describe, expect, it } from 'vitest';
import type { DivisionNode } from '../../../contracts/divisions.ts';
import { flattenTree, searchTree } from './tree-search.ts';

const node = (
  code: string,
  name: string,
  children: DivisionNode[] = [],
  shortName: string | null = null,
) => ({
  code,
  name,
  shortName,
  level: 'county',
  parentCode: null,
  codeKind: 'gbt2260',
  children,
});

const jilin = node('220000', '吉林省', [
  node('220100', '长春市', [node('220122', '农安县')]),
  node('229900', '长白山保护开发区管理委员会（长白山管委会）', [node('229901', '池北区')], '长白山管委会'),
]);

describe('searchTree', () => {
  it('keeps matches and their ancestors, expanded', () => {
    const r = searchTree(jilin, '农安');
    expect(r.tree?.children.map((c) => c.code)).toEqual(['220100']);
    expect([...r.matches]).toEqual(['220122']);
    expect(r.expand.sort()).toEqual(['220000', '220100']);
  });

  it('finds by code prefix and short name', () => {
    expect([...searchTree(jilin, '2299').matches].sort()).toEqual(['229900', '229901']);
    expect([...searchTree(jilin, '管委会').matches]).toEqual(['229900']);
  });

  it('gives the whole tree for an empty search and null when nothing matches', () => {
    expect(searchTree(jilin, '  ').tree).toBe(jilin);
    expect(searchTree(jilin, '上海').tree).toBeNull();
    expect(flattenTree(jilin)).toHaveLength(5);
  });
});
