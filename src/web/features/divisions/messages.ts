import { defineMessages } from '../../lib/i18n-core.ts';

export const divisionMessages = defineMessages({
  zh: {
    subtitle: '{root}及下辖区划，共 {count} 个',
    codesNote:
      '区划代码采用 GB/T 2260；开发区使用国家统计局统计用区划代码；长白山管委会等没有国家标准代码的区划使用本平台自编代码（如 229900），树中以“自编代码”标出。',
    search: '按名称或代码查找',
    noMatch: '没有名称或代码包含“{q}”的区划，请检查输入或清空查找条件。',
    expandAll: '全部展开',
    collapseAll: '全部收起',
    tree: '区划树',
    detail: '区划详情',
    selectHint: '在左侧区划树中点选一个区划，查看其代码、级次和代码来源。',
    name: '区划名称',
    shortName: '简称',
    code: '区划代码',
    level: '级次',
    parent: '上级区划',
    codeKind: '代码来源',
    children: '直接下级',
    childrenCount: '{n} 个',
    localTag: '自编代码',
    statisticalTag: '统计用代码',
    noteLocal:
      '本平台自编代码，非 GB/T 2260 国家标准代码，仅在本平台内使用；与预算管理一体化系统等外部系统交换数据时，请核对代码对应关系。',
    noteStatistical: '国家统计局统计用区划代码（开发区），不是 GB/T 2260 行政区划代码。',
    noteChangbaishan:
      '长白山保护开发区管理委员会为省政府派出机构，参照市（州）管理，没有 GB/T 2260 代码；229900 为本平台自编代码。',
    empty: '尚无区划数据。请由系统管理员执行“jixiao db seed”导入吉林省区划参考数据。',
  },
  en: {
    subtitle: '{root} and the divisions below it: {count} in total',
    codesNote:
      'Division codes follow GB/T 2260; development zones use NBS statistical codes; divisions without a national code, such as the Changbai Mountain Administrative Committee, use codes assigned by this platform (e.g. 229900), marked “Local code” in the tree.',
    search: 'Find by name or code',
    noMatch: 'No division name or code contains “{q}”; check the input or clear the search.',
    expandAll: 'Expand all',
    collapseAll: 'Collapse all',
    tree: 'Division tree',
    detail: 'Division details',
    selectHint: 'Select a division in the tree to see its code, level and the source of its code.',
    name: 'Name',
    shortName: 'Short name',
    code: 'Code',
    level: 'Level',
    parent: 'Parent division',
    codeKind: 'Code source',
    children: 'Direct subdivisions',
    childrenCount: '{n}',
    localTag: 'Local code',
    statisticalTag: 'Statistical code',
    noteLocal:
      'A code assigned by this platform, not a GB/T 2260 national code, used only inside the platform; check the mapping when exchanging data with other systems such as the budget integrated management system.',
    noteStatistical:
      'An NBS statistical code (development zone), not a GB/T 2260 administrative division code.',
    noteChangbaishan:
      'The Changbai Mountain Protection and Development Zone Administrative Committee is an agency of the provincial government treated as a prefecture; it has no GB/T 2260 code, and 229900 is assigned by this platform.',
    empty:
      'No divisions yet. Ask the system administrator to run “jixiao db seed” to load Jilin’s division reference data.',
  },
});
