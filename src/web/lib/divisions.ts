/** A flat list of divisions (code, parentCode) as a tree, for the header's switcher and tree views. */
export interface FlatDivision {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parentCode: string | null;
}

export interface DivisionTreeItem<D extends FlatDivision = FlatDivision> {
  readonly division: D;
  readonly children: DivisionTreeItem<D>[];
}

/**
 * Builds the forest in list order; a division whose parent is not in the list becomes a root (a county
 * user's list starts at the county).
 */
export function buildDivisionTree<D extends FlatDivision>(list: readonly D[]): DivisionTreeItem<D>[] {
  const byCode = new Map<string, DivisionTreeItem<D>>();
  for (const d of list) byCode.set(d.code, { division: d, children: [] });
  const roots: DivisionTreeItem<D>[] = [];
  for (const d of list) {
    const item = byCode.get(d.code)!;
    const parent = d.parentCode !== null ? byCode.get(d.parentCode) : undefined;
    if (parent && parent !== item) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

/** Level names as officials say them. */
export const DIVISION_LEVEL_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  province: { zh: '省级', en: 'Province' },
  prefecture: { zh: '市（州）级', en: 'Prefecture' },
  'prefecture-equivalent': { zh: '市（州）级（参照）', en: 'Prefecture-equivalent' },
  county: { zh: '县（市、区）级', en: 'County' },
  'county-equivalent': { zh: '县级（参照）', en: 'County-equivalent' },
  'statistical-zone': { zh: '开发区（统计用）', en: 'Development zone (statistical)' },
};

/** Where a code comes from: official GB/T 2260, NBS statistical, or assigned by this project. */
export const DIVISION_CODE_KIND_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  gbt2260: { zh: 'GB/T 2260 代码', en: 'GB/T 2260 code' },
  statistical: { zh: '统计用区划代码', en: 'NBS statistical code' },
  local: { zh: '本平台自编代码', en: 'Project-local code' },
};
