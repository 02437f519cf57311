/**
 * The demo province's organizations, users, funds and indicator library, generated from the division
 * tree (the reference seed) and a random stream. Pure: rows in, rows out; demo-seed.ts writes them.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../core/demo/demo-accounts.ts';
import type { Role } from '../../core/access/roles.ts';
import type {
  agencies,
  divisions,
  experts,
  funds,
  indicatorLibrary,
  organizations,
  userRoles,
  users,
  FundClass,
} from '../schema.ts';
import {
  AGENCIES,
  CHANGBAISHAN_DEPARTMENTS,
  CONGRESS_COMMITTEE,
  EXPERTS,
  FINANCE_DIVISIONS,
  LOCAL_DEPARTMENTS,
  PROVINCE_FINANCE,
  PROVINCIAL_DEPARTMENTS,
  REVIEW_COMMITTEE,
  type Sector,
} from './organizations.ts';
import { ARCHETYPES, COMMON_INDICATORS, SECTOR_FUNCTION_CODE, parseIndicator } from './project-catalog.ts';
import type { Rng } from './rng.ts';

export type DivisionRow = Pick<
  typeof divisions.$inferSelect,
  'code' | 'name' | 'shortName' | 'level' | 'parentCode' | 'codeKind'
>;
export type OrganizationRow = typeof organizations.$inferInsert & { id: string; mofDivCode: string };
export type UserRow = typeof users.$inferInsert & { id: string };
export type UserRoleRow = typeof userRoles.$inferInsert;
export type AgencyRow = typeof agencies.$inferInsert;
export type ExpertRow = typeof experts.$inferInsert;
export type FundRow = typeof funds.$inferInsert & { id: string; mofDivCode: string; fiscalYear: number };
export type LibraryRow = typeof indicatorLibrary.$inferInsert;

export const PROVINCE = '220000';

/** A budget department with its units, as projects need it. */
export interface Department {
  readonly id: string;
  readonly mofDivCode: string;
  readonly code: string;
  readonly name: string;
  readonly sectors: readonly Sector[];
  /** Share of its level's projects. */
  readonly weight: number;
  readonly units: readonly { readonly id: string; readonly name: string; readonly code: string }[];
}

/** The divisions that get departments and projects (statistical zones get a finance bureau only). */
export type ScoredLevel = 'province' | 'prefecture' | 'county' | 'district';

export function levelOf(d: DivisionRow): ScoredLevel | 'zone' {
  if (d.level === 'province') return 'province';
  if (d.level === 'prefecture' || d.level === 'prefecture-equivalent') return 'prefecture';
  if (d.level === 'county') return 'county';
  if (d.level === 'county-equivalent') return 'district';
  return 'zone';
}

export const divisionLabel = (d: DivisionRow): string => d.shortName ?? d.name;

export interface Organizations {
  readonly rows: OrganizationRow[];
  readonly financeBureauByDivision: ReadonlyMap<string, OrganizationRow>;
  readonly financeDivisions: ReadonlyMap<string, OrganizationRow>;
  readonly reviewCommittee: OrganizationRow;
  readonly congress: OrganizationRow;
  readonly agencyOrgs: readonly OrganizationRow[];
  readonly departments: readonly Department[];
  readonly departmentsByDivision: ReadonlyMap<string, readonly Department[]>;
}

export function generateOrganizations(divisionList: readonly DivisionRow[], rng: Rng): Organizations {
  const ids = rng.fork('ids');
  const rows: OrganizationRow[] = [];
  let sort = 0;
  const add = (row: Omit<OrganizationRow, 'id' | 'sortOrder'>): OrganizationRow => {
    const full: OrganizationRow = { id: ids.uuid(), sortOrder: (sort += 10), ...row };
    rows.push(full);
    return full;
  };
  const financeBureauByDivision = new Map<string, OrganizationRow>();
  const departments: Department[] = [];
  const departmentsByDivision = new Map<string, Department[]>();
  const addDepartment = (d: Department) => {
    departments.push(d);
    const list = departmentsByDivision.get(d.mofDivCode) ?? [];
    list.push(d);
    departmentsByDivision.set(d.mofDivCode, list);
  };

  // the province: finance department, its 处室, the committee, the congress, departments, agencies
  const czt = add({
    mofDivCode: PROVINCE,
    parentId: null,
    kind: 'finance_bureau',
    code: PROVINCE_FINANCE.code,
    name: PROVINCE_FINANCE.name,
    shortName: PROVINCE_FINANCE.shortName,
  });
  financeBureauByDivision.set(PROVINCE, czt);
  const financeDivisions = new Map<string, OrganizationRow>();
  for (const fd of FINANCE_DIVISIONS) {
    financeDivisions.set(
      fd.name,
      add({
        mofDivCode: PROVINCE,
        parentId: czt.id,
        kind: 'finance_division',
        code: fd.code,
        name: `${PROVINCE_FINANCE.name}${fd.name}`,
        shortName: fd.name,
      }),
    );
  }
  const reviewCommittee = add({
    mofDivCode: PROVINCE,
    parentId: czt.id,
    kind: 'other',
    code: REVIEW_COMMITTEE.code,
    name: REVIEW_COMMITTEE.name,
    shortName: REVIEW_COMMITTEE.shortName,
  });
  const congress = add({
    mofDivCode: PROVINCE,
    parentId: null,
    kind: 'congress_committee',
    code: CONGRESS_COMMITTEE.code,
    name: CONGRESS_COMMITTEE.name,
    shortName: CONGRESS_COMMITTEE.shortName,
  });
  for (const pd of PROVINCIAL_DEPARTMENTS) {
    const dept = add({
      mofDivCode: PROVINCE,
      parentId: null,
      kind: 'budget_department',
      code: pd.code,
      name: pd.name,
      shortName: pd.shortName,
    });
    const unitNames = [`${pd.name}本级`, ...pd.units];
    const units = unitNames.map((name, i) => {
      const code = `${pd.code}${String(i + 1).padStart(3, '0')}`;
      const u = add({ mofDivCode: PROVINCE, parentId: dept.id, kind: 'budget_unit', code, name });
      return { id: u.id, name, code };
    });
    addDepartment({
      id: dept.id,
      mofDivCode: PROVINCE,
      code: pd.code,
      name: pd.name,
      sectors: pd.sectors,
      weight: pd.weight,
      units,
    });
  }
  const agencyOrgs = AGENCIES.map((a, i) =>
    add({
      mofDivCode: PROVINCE,
      parentId: null,
      kind: 'agency',
      code: `JG${String(i + 1).padStart(3, '0')}`,
      name: a.name,
    }),
  );

  // every other division: a finance bureau; departments and units except in statistical zones
  for (const d of divisionList) {
    const level = levelOf(d);
    if (level === 'province') continue;
    const label = divisionLabel(d);
    const bureau = add({
      mofDivCode: d.code,
      parentId: null,
      kind: 'finance_bureau',
      code: PROVINCE_FINANCE.code,
      name: `${label}财政局`,
      shortName: '财政局',
    });
    financeBureauByDivision.set(d.code, bureau);
    if (level === 'zone') continue;

    const drng = rng.fork(`departments/${d.code}`);
    const catalogue =
      d.code === '229900'
        ? CHANGBAISHAN_DEPARTMENTS.map((c) => ({ ...c, core: true }))
        : [
            ...LOCAL_DEPARTMENTS.filter((c) => c.core),
            ...drng
              .sample(
                LOCAL_DEPARTMENTS.filter((c) => !c.core),
                level === 'district' ? 0 : drng.int(level === 'prefecture' ? 2 : 0, 3),
              )
              .sort((a, b) => a.code.localeCompare(b.code)),
          ];
    for (const c of catalogue) {
      const deptName = d.code === '229900' ? `长白山管委会${c.name}` : `${label}${c.name}`;
      const dept = add({
        mofDivCode: d.code,
        parentId: null,
        kind: 'budget_department',
        code: c.code,
        name: deptName,
        shortName: c.name,
      });
      const extra = drng.sample(c.units, drng.int(0, Math.min(2, c.units.length)));
      const unitNames = [`${deptName}本级`, ...extra.map((u) => `${label}${u}`)];
      const units = unitNames.map((name, i) => {
        const code = `${c.code}${String(i + 1).padStart(3, '0')}`;
        const u = add({ mofDivCode: d.code, parentId: dept.id, kind: 'budget_unit', code, name });
        return { id: u.id, name, code };
      });
      addDepartment({
        id: dept.id,
        mofDivCode: d.code,
        code: c.code,
        name: deptName,
        sectors: c.sectors,
        weight: c.core ? 1.5 : 1,
        units,
      });
    }
  }

  return {
    rows,
    financeBureauByDivision,
    financeDivisions,
    reviewCommittee,
    congress,
    agencyOrgs,
    departments,
    departmentsByDivision,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Users, agencies, experts
// ---------------------------------------------------------------------------------------------------------

export interface People {
  readonly users: UserRow[];
  readonly roles: UserRoleRow[];
  readonly agencies: AgencyRow[];
  readonly experts: ExpertRow[];
  /** The user id of each fixed demo account. */
  readonly demoUserIds: ReadonlyMap<string, string>;
}

/** GB 32100 unified social credit code (统一社会信用代码) with both check characters. */
export function creditCode(region: string, rng: Rng): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  // 9-character organization code (GB 11714): 8 body characters and a check character
  const body = Array.from({ length: 8 }, () => chars[rng.int(0, 9)]!).join('');
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * orgWeights[i]!, 0);
  const orgCheck = (11 - (orgSum % 11)) % 11;
  const orgCode = body + (orgCheck === 10 ? 'X' : String(orgCheck));
  const head = `91${region}${orgCode}`;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...head].reduce((s, c, i) => s + chars.indexOf(c) * weights[i]!, 0);
  return head + chars[(31 - (sum % 31)) % 31]!;
}

export function generatePeople(orgs: Organizations, passwordHash: string, rng: Rng): People {
  const ids = rng.fork('ids');
  const users: UserRow[] = [];
  const roles: UserRoleRow[] = [];
  const taken = new Set<string>();
  const addUser = (
    username: string,
    displayName: string,
    role: Role,
    mofDivCode: string,
    organizationId: string | null,
  ): string => {
    if (taken.has(username)) throw new Error(`demo seed: duplicate user name ${username}`);
    taken.add(username);
    const id = ids.uuid();
    users.push({ id, username, displayName, passwordHash, mofDivCode, organizationId });
    roles.push({ userId: id, role });
    return id;
  };

  const provinceDept = (code: string) =>
    orgs.departments.find((d) => d.mofDivCode === PROVINCE && d.code === code)!;
  const jiaoyu = provinceDept('111');
  const danweiUnit = jiaoyu.units.find((u) => u.name === '吉林省学生资助管理中心')!;
  const fixedOrg: Record<string, string | null> = {
    admin: orgs.financeBureauByDivision.get(PROVINCE)!.id,
    sheng: orgs.financeDivisions.get('绩效管理处')!.id,
    weiyuanhui: orgs.reviewCommittee.id,
    changchun: orgs.financeBureauByDivision.get('220100')!.id,
    nongan: orgs.financeBureauByDivision.get('220122')!.id,
    yushu: orgs.financeBureauByDivision.get('220182')!.id,
    chushi: orgs.financeDivisions.get('教科文处')!.id,
    jiaoyu: jiaoyu.id,
    danwei: danweiUnit.id,
    jigou: orgs.agencyOrgs[0]!.id,
    zhuanjia: null,
    renda: orgs.congress.id,
  };
  const demoUserIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    if (a.password !== DEMO_PASSWORD) throw new Error('demo seed: every demo account shares DEMO_PASSWORD');
    const org = fixedOrg[a.username];
    if (org === undefined) throw new Error(`demo seed: no organization for demo account ${a.username}`);
    demoUserIds.set(a.username, addUser(a.username, a.description, a.role, a.divisionCode, org));
  }

  // one account for every other finance bureau, 处室, department, a unit per provincial department, agency
  for (const [code, bureau] of orgs.financeBureauByDivision) {
    if (code === PROVINCE || bureau.id === fixedOrg['changchun'] || bureau.id === fixedOrg['nongan'])
      continue;
    if (bureau.id === fixedOrg['yushu']) continue;
    addUser(`cz${code}`, bureau.name, 'finance_bureau', code, bureau.id);
  }
  for (const fd of FINANCE_DIVISIONS) {
    const org = orgs.financeDivisions.get(fd.name)!;
    if (org.id === fixedOrg['chushi'] || org.id === fixedOrg['sheng']) continue;
    addUser(`czt${fd.code}`, org.name, 'finance_division', PROVINCE, org.id);
  }
  for (const d of orgs.departments) {
    if (d.id === jiaoyu.id) continue;
    const username = d.mofDivCode === PROVINCE ? `bm${d.code}` : `bm${d.mofDivCode}${d.code}`;
    addUser(username, d.name, 'budget_department', d.mofDivCode, d.id);
    if (d.mofDivCode === PROVINCE) {
      const unit = d.units[1] ?? d.units[0]!;
      addUser(`dw${unit.code}`, unit.name, 'budget_unit', PROVINCE, unit.id);
    }
  }

  const arng = rng.fork('agencies');
  const agencyRows: AgencyRow[] = AGENCIES.map((a, i) => {
    const org = orgs.agencyOrgs[i]!;
    if (i > 0) addUser(`jg${String(i + 1).padStart(2, '0')}`, a.name, 'agency', PROVINCE, org.id);
    return {
      id: ids.uuid(),
      mofDivCode: PROVINCE,
      organizationId: org.id,
      name: a.name,
      creditCode: creditCode(a.region, arng),
      qualification: a.qualification,
      feeStandard: a.feeStandard,
      contact: a.contact,
    };
  });

  const erng = rng.fork('experts');
  const expertRows: ExpertRow[] = EXPERTS.map((e, i) => {
    const userId =
      i === 0
        ? demoUserIds.get('zhuanjia')!
        : addUser(
            `zj${String(i + 1).padStart(2, '0')}`,
            `${e.name}（${e.employer}）`,
            'expert',
            PROVINCE,
            null,
          );
    return {
      id: ids.uuid(),
      mofDivCode: PROVINCE,
      name: e.name,
      fields: e.fields,
      employer: e.employer,
      title: e.title,
      phone: `13${erng.int(0, 9)}${String(erng.int(0, 99999999)).padStart(8, '0')}`,
      userId,
      conflictOrgIds: e.employer.startsWith('吉林省')
        ? orgs.departments
            .filter((d) => d.mofDivCode === PROVINCE && d.units.some((u) => u.name === e.employer))
            .map((d) => d.id)
        : [],
    };
  });

  return { users, roles, agencies: agencyRows, experts: expertRows, demoUserIds };
}

// ---------------------------------------------------------------------------------------------------------
// Funds (资金)
// ---------------------------------------------------------------------------------------------------------

interface FundSpec {
  readonly code: string;
  readonly name: string;
  readonly fundType: 'special_fund' | 'transfer_payment' | 'bond' | 'investment_fund';
  readonly fundClass: FundClass;
  readonly functionCode: string;
  /** Managing provincial department (dept_code); null = the finance department itself. */
  readonly dept: string | null;
  /** Provincial amount, 亿元. */
  readonly yi: readonly [number, number];
  /** Sector of the local department that receives a transfer payment. */
  readonly sector?: Sector;
  readonly description: string;
}

const PROVINCE_FUNDS: readonly FundSpec[] = [
  {
    code: 'GZL-KJ',
    name: '高质量发展专项资金（科技）',
    fundType: 'special_fund',
    fundClass: 'development',
    functionCode: '206',
    dept: '112',
    yi: [8, 12],
    description: '支持科技创新平台、科技型企业培育和重点研发，按“大专项+任务清单”管理。',
  },
  {
    code: 'GZL-WL',
    name: '高质量发展专项资金（文旅）',
    fundType: 'special_fund',
    fundClass: 'development',
    functionCode: '207',
    dept: '129',
    yi: [4, 7],
    description: '支持冰雪旅游、避暑休闲等文旅产业和品牌建设。',
  },
  {
    code: 'GZL-GY',
    name: '高质量发展专项资金（工业）',
    fundType: 'special_fund',
    fundClass: 'development',
    functionCode: '215',
    dept: '113',
    yi: [10, 16],
    description: '支持制造业数字化转型、技术改造和专精特新企业培育。',
  },
  {
    code: 'GZL-SM',
    name: '高质量发展专项资金（商贸服务）',
    fundType: 'special_fund',
    fundClass: 'development',
    functionCode: '216',
    dept: '128',
    yi: [3, 6],
    description: '支持县域商业体系、外贸稳规模优结构和促消费。',
  },
  {
    code: 'GZL-JR',
    name: '高质量发展专项资金（普惠金融）',
    fundType: 'special_fund',
    fundClass: 'development',
    functionCode: '217',
    dept: '144',
    yi: [3, 5],
    description: '创业担保贷款贴息、普惠金融定向奖补和政府性融资担保体系建设。',
  },
  {
    code: 'ZX-JY',
    name: '省级教育发展专项资金',
    fundType: 'special_fund',
    fundClass: 'livelihood',
    functionCode: '205',
    dept: '111',
    yi: [15, 22],
    description: '支持省属高校、职业教育和教师队伍建设。',
  },
  {
    code: 'ZX-WS',
    name: '省级卫生健康发展专项资金',
    fundType: 'special_fund',
    fundClass: 'livelihood',
    functionCode: '210',
    dept: '130',
    yi: [8, 12],
    description: '支持公立医院能力建设、重大疾病防控和中医药发展。',
  },
  {
    code: 'ZX-ST',
    name: '省级生态环境保护专项资金',
    fundType: 'special_fund',
    fundClass: 'livelihood',
    functionCode: '211',
    dept: '123',
    yi: [5, 9],
    description: '大气、水、土壤污染防治和农村环境整治。',
  },
  {
    code: 'ZX-YJ',
    name: '省级自然灾害防治和应急管理专项资金',
    fundType: 'special_fund',
    fundClass: 'emergency',
    functionCode: '224',
    dept: '132',
    yi: [3, 6],
    description: '应急救援能力建设、安全生产监管和防灾减灾。',
  },
  {
    code: 'ZX-CS',
    name: '省级城市更新和运行维护专项资金',
    fundType: 'special_fund',
    fundClass: 'urban_operation',
    functionCode: '212',
    dept: '124',
    yi: [4, 8],
    description: '支持城市道路桥梁、排水防涝、供热等设施维护和城市更新。',
  },
  {
    code: 'ZX-ZW',
    name: '省直部门政务信息化运维资金',
    fundType: 'special_fund',
    fundClass: 'government_operation',
    functionCode: '201',
    dept: '145',
    yi: [3, 5],
    description: '省直部门业务系统和政务云、政务外网运行维护，统一纳入信息化项目库管理。',
  },
  {
    code: 'ZX-LC',
    name: '省级储备粮和应急物资储备资金',
    fundType: 'special_fund',
    fundClass: 'emergency',
    functionCode: '222',
    dept: '141',
    yi: [6, 9],
    description: '省级储备粮油保管费用、轮换价差补贴和应急物资储备。',
  },
  {
    code: 'ZY-YWJY',
    name: '义务教育薄弱环节改善与能力提升补助资金',
    fundType: 'transfer_payment',
    fundClass: 'livelihood',
    functionCode: '205',
    dept: '111',
    yi: [8, 12],
    sector: 'education',
    description: '中央和省级财政下达市县的共同财政事权转移支付。',
  },
  {
    code: 'ZY-JBGW',
    name: '基本公共卫生服务补助资金',
    fundType: 'transfer_payment',
    fundClass: 'livelihood',
    functionCode: '210',
    dept: '130',
    yi: [12, 16],
    sector: 'health',
    description: '按常住人口和人均补助标准下达的基本公共卫生服务补助。',
  },
  {
    code: 'ZY-CXJM',
    name: '城乡居民基本医疗保险补助资金',
    fundType: 'transfer_payment',
    fundClass: 'livelihood',
    functionCode: '210',
    dept: '142',
    yi: [60, 75],
    sector: 'medical_insurance',
    description: '城乡居民医保财政补助，按参保人数和补助标准下达。',
  },
  {
    code: 'ZY-KNQZ',
    name: '困难群众救助补助资金',
    fundType: 'transfer_payment',
    fundClass: 'livelihood',
    functionCode: '208',
    dept: '118',
    yi: [25, 32],
    sector: 'civil_affairs',
    description: '城乡低保、特困供养、临时救助和孤儿基本生活保障。',
  },
  {
    code: 'ZY-JYBZ',
    name: '就业补助资金',
    fundType: 'transfer_payment',
    fundClass: 'livelihood',
    functionCode: '208',
    dept: '121',
    yi: [10, 14],
    sector: 'hr_social',
    description: '职业培训补贴、社会保险补贴、公益性岗位补贴等。',
  },
  {
    code: 'ZY-XJTJ',
    name: '衔接推进乡村振兴补助资金',
    fundType: 'transfer_payment',
    fundClass: 'livelihood',
    functionCode: '213',
    dept: '143',
    yi: [20, 28],
    sector: 'rural',
    description: '巩固拓展脱贫攻坚成果、支持联农带农富农产业发展。',
  },
  {
    code: 'ZY-NTJS',
    name: '农田建设补助资金',
    fundType: 'transfer_payment',
    fundClass: 'major_investment',
    functionCode: '213',
    dept: '127',
    yi: [30, 45],
    sector: 'agriculture',
    description: '高标准农田建设和高效节水灌溉，按亩均投入标准下达。',
  },
  {
    code: 'ZY-CGS',
    name: '车辆购置税收入补助地方资金（农村公路）',
    fundType: 'transfer_payment',
    fundClass: 'major_investment',
    functionCode: '214',
    dept: '125',
    yi: [15, 22],
    sector: 'transport',
    description: '支持“四好农村路”建设和农村公路养护。',
  },
  {
    code: 'ZY-ZRZH',
    name: '自然灾害救灾资金',
    fundType: 'transfer_payment',
    fundClass: 'emergency',
    functionCode: '224',
    dept: '132',
    yi: [2, 5],
    sector: 'emergency',
    description: '受灾群众生活救助和倒损民房恢复重建。',
  },
  {
    code: 'ZY-CSYW',
    name: '城市基础设施运行维护补助资金',
    fundType: 'transfer_payment',
    fundClass: 'urban_operation',
    functionCode: '212',
    dept: '124',
    yi: [5, 8],
    sector: 'housing_urban',
    description: '支持市县城市道路、照明、环卫、园林等设施运行维护。',
  },
  {
    code: 'ZQ-ZX',
    name: '新增地方政府专项债券',
    fundType: 'bond',
    fundClass: 'major_investment',
    functionCode: '212',
    dept: '105',
    yi: [400, 600],
    description: '用于有一定收益的公益性项目：城镇老旧小区改造、收费公路、供热管网等。',
  },
  {
    code: 'ZQ-YB',
    name: '新增地方政府一般债券',
    fundType: 'bond',
    fundClass: 'major_investment',
    functionCode: '213',
    dept: '126',
    yi: [80, 120],
    description: '用于没有收益的公益性项目：水利、生态修复、农村公路等。',
  },
  {
    code: 'ZQ-CCQ',
    name: '超长期特别国债（“两重”建设）',
    fundType: 'bond',
    fundClass: 'major_investment',
    functionCode: '214',
    dept: '105',
    yi: [60, 100],
    description: '国家重大战略实施和重点领域安全能力建设项目。',
  },
  {
    code: 'ZQ-LX',
    name: '超长期特别国债（设备更新和消费品以旧换新）',
    fundType: 'bond',
    fundClass: 'development',
    functionCode: '216',
    dept: '128',
    yi: [40, 70],
    description: '大规模设备更新和消费品以旧换新（“两新”）。',
  },
  {
    code: 'JJ-CY',
    name: '吉林省产业投资引导基金',
    fundType: 'investment_fund',
    fundClass: 'development',
    functionCode: '215',
    dept: '113',
    yi: [20, 30],
    description: '政府出资引导社会资本投向汽车、石化、新能源等重点产业，按“基础分+政策加分”评价。',
  },
  {
    code: 'JJ-KC',
    name: '吉林省科技创新创业投资基金',
    fundType: 'investment_fund',
    fundClass: 'development',
    functionCode: '206',
    dept: '112',
    yi: [5, 10],
    description: '投资种子期、初创期科技型企业。',
  },
  {
    code: 'JJ-XC',
    name: '吉林省乡村振兴产业投资基金',
    fundType: 'investment_fund',
    fundClass: 'development',
    functionCode: '213',
    dept: '127',
    yi: [5, 10],
    description: '投向农产品加工、肉牛产业等乡村振兴重点领域。',
  },
];

const LOCAL_FUNDS: readonly Omit<FundSpec, 'dept' | 'yi'>[] = [
  {
    code: 'BJ-CSWH',
    name: '城市维护建设资金',
    fundType: 'special_fund',
    fundClass: 'urban_operation',
    functionCode: '212',
    sector: 'housing_urban',
    description: '城市维护建设税和城市基础设施配套费安排的城市维护支出。',
  },
  {
    code: 'BJ-ZWYX',
    name: '本级政务运行和信息化保障资金',
    fundType: 'special_fund',
    fundClass: 'government_operation',
    functionCode: '201',
    description: '本级部门信息系统运维、办公用房维修等运转类项目。',
  },
  {
    code: 'BJ-MSBZ',
    name: '本级民生保障资金',
    fundType: 'special_fund',
    fundClass: 'livelihood',
    functionCode: '208',
    sector: 'civil_affairs',
    description: '本级安排的困难群众救助、养老服务等民生支出。',
  },
  {
    code: 'BJ-YJBZ',
    name: '本级应急保障资金',
    fundType: 'special_fund',
    fundClass: 'emergency',
    functionCode: '224',
    sector: 'emergency',
    description: '防汛抗旱、森林防火、安全生产等应急支出。',
  },
];

/** 亿元 → fen, rounded to 0.01 亿元 (100万元). */
const yiToFen = (yi: number) => Math.round(yi * 100) * 100_000_000;

export function generateFunds(
  orgs: Organizations,
  divisionList: readonly DivisionRow[],
  years: readonly number[],
  rng: Rng,
): FundRow[] {
  const rows: FundRow[] = [];
  const deptBy = (div: string, pred: (d: Department) => boolean) =>
    (orgs.departmentsByDivision.get(div) ?? []).find(pred) ?? null;
  for (const year of years) {
    const yrng = rng.fork(year);
    const ids = yrng.fork('ids');
    const provinceFund = new Map<string, FundRow>();
    for (const f of PROVINCE_FUNDS) {
      const dept = f.dept ? deptBy(PROVINCE, (d) => d.code === f.dept) : null;
      const row: FundRow = {
        id: ids.uuid(),
        mofDivCode: PROVINCE,
        fiscalYear: year,
        code: f.code,
        name: `${year}年${f.name}`,
        fundType: f.fundType,
        fundClass: f.fundClass,
        functionClassCode: f.functionCode,
        departmentId: dept?.id ?? null,
        amountFen: yiToFen(yrng.uniform(f.yi[0], f.yi[1])),
        sourceFundId: null,
        description: f.description,
      };
      rows.push(row);
      provinceFund.set(f.code, row);
    }
    for (const d of divisionList) {
      const level = levelOf(d);
      if (level === 'province' || level === 'zone') continue;
      const drng = yrng.fork(d.code);
      const scale = level === 'prefecture' ? 0.08 : level === 'county' ? 0.012 : 0.006;
      for (const f of PROVINCE_FUNDS) {
        if (f.fundType !== 'transfer_payment') continue;
        const dept = deptBy(d.code, (x) => x.sectors.includes(f.sector!));
        if (!dept && !drng.chance(0.3)) continue;
        const source = provinceFund.get(f.code)!;
        rows.push({
          id: ids.uuid(),
          mofDivCode: d.code,
          fiscalYear: year,
          code: f.code,
          name: `${year}年${f.name}`,
          fundType: 'transfer_payment',
          fundClass: f.fundClass,
          functionClassCode: f.functionCode,
          departmentId: dept?.id ?? null,
          amountFen: Math.round((source.amountFen! * scale * drng.uniform(0.5, 1.5)) / 1_000_000) * 1_000_000,
          sourceFundId: source.id,
          description: `省财政厅下达${divisionLabel(d)}的${f.name}。`,
        });
      }
      for (const f of LOCAL_FUNDS) {
        const dept = f.sector ? deptBy(d.code, (x) => x.sectors.includes(f.sector!)) : null;
        const base = level === 'prefecture' ? 30000 : 6000; // 万元
        rows.push({
          id: ids.uuid(),
          mofDivCode: d.code,
          fiscalYear: year,
          code: f.code,
          name: `${divisionLabel(d)}${year}年${f.name}`,
          fundType: f.fundType,
          fundClass: f.fundClass,
          functionClassCode: f.functionCode,
          departmentId: dept?.id ?? null,
          amountFen: Math.round(base * drng.uniform(0.4, 1.6)) * 1_000_000,
          sourceFundId: null,
          description: f.description,
        });
      }
      if (level === 'prefecture' || drng.chance(0.4)) {
        const bond = provinceFund.get('ZQ-ZX')!;
        rows.push({
          id: ids.uuid(),
          mofDivCode: d.code,
          fiscalYear: year,
          code: 'ZQ-ZX',
          name: `${year}年新增地方政府专项债券（转贷${divisionLabel(d)}）`,
          fundType: 'bond',
          fundClass: 'major_investment',
          functionClassCode: '212',
          departmentId: null,
          amountFen:
            Math.round(
              (bond.amountFen! * (level === 'prefecture' ? 0.05 : 0.006) * drng.uniform(0.5, 1.5)) / 1e8,
            ) * 1e8,
          sourceFundId: bond.id,
          description: '省政府代为发行并转贷市县的新增专项债券。',
        });
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Indicator library (指标库)
// ---------------------------------------------------------------------------------------------------------

const STANDARDS: Readonly<Record<string, string>> = {
  positive: '实际完成值≥年度指标值的得满分；未达到的，按实际完成值÷年度指标值×分值计分。',
  reverse: '实际完成值≤年度指标值的得满分；超过的，按年度指标值÷实际完成值×分值计分。',
  equality: '实际完成值等于年度指标值的得满分；指标值为0的，发生即不得分；其他情形按完成比例计分。',
  qualitative: '达成年度指标的得分值80%—100%；部分达成并具有一定效果的得60%—80%；未达成且效果较差的得0—60%。',
};

const LEVEL2_CODES: Readonly<Record<string, string>> = {
  数量指标: 'SL',
  质量指标: 'ZL',
  时效指标: 'SX',
  成本指标: 'CB',
  经济效益指标: 'JJ',
  社会效益指标: 'SH',
  生态效益指标: 'ST',
  可持续影响指标: 'KC',
  服务对象满意度指标: 'MY',
};

const FUND_CLASS_CODES: Readonly<Record<FundClass, string>> = {
  development: 'FZ',
  major_investment: 'TZ',
  government_operation: 'YX',
  urban_operation: 'YW',
  livelihood: 'MS',
  emergency: 'YJ',
};

export function generateIndicatorLibrary(
  years: readonly number[],
  createdBy: string,
  rng: Rng,
): LibraryRow[] {
  const ids = rng.fork('ids');
  const from = `${Math.min(...years)}-01-01`;
  const rows: LibraryRow[] = [];
  const printed = (cmp: string, lo: number, hi: number, unit: string, text: string) =>
    cmp === 'qualitative'
      ? text
      : `${cmp === '>=' ? '≥' : cmp === '<=' ? '≤' : '='}${hi === lo ? lo : cmp === '<=' ? hi : lo}${unit}`;
  const direction = (cmp: string) =>
    cmp === 'qualitative' ? 'qualitative' : cmp === '>=' ? 'positive' : cmp === '<=' ? 'reverse' : 'equality';

  const counters = new Map<string, number>();
  const next = (prefix: string) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}-${String(n).padStart(3, '0')}`;
  };

  for (const spec of COMMON_INDICATORS.map(parseIndicator)) {
    const dir = direction(spec.comparison);
    rows.push({
      id: ids.uuid(),
      mofDivCode: PROVINCE,
      code: next(`GX-${LEVEL2_CODES[spec.level2]}`),
      name: spec.name,
      level1: spec.level1,
      level2: spec.level2,
      scope: 'common',
      direction: dir,
      unit: spec.unit || null,
      valueBasis:
        spec.comparison === 'qualitative' ? 'plan' : rng.pick(['plan', 'history', 'industry'] as const),
      referenceValue: printed(spec.comparison, spec.lo, spec.hi, spec.unit, spec.text),
      functionClassCode: null,
      fundClass: null,
      evaluationStandard: STANDARDS[dir]!,
      description: '共性指标，各类项目通用。',
      validFrom: from,
      validTo: null,
      status: 'active',
      createdBy,
    });
  }

  const seen = new Set<string>();
  for (const a of ARCHETYPES) {
    const functionCode = a.functionCode === 'dept' ? null : a.functionCode;
    for (const spec of a.indicators.map(parseIndicator)) {
      const key = `${a.fundClass}/${spec.name}/${spec.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const dir = direction(spec.comparison);
      const basis =
        spec.unit === '元/人次' || spec.unit === '元/平方米' || spec.unit === '元/亩' || spec.unit === '元'
          ? 'budget_standard'
          : spec.comparison === 'qualitative'
            ? 'plan'
            : rng.weighted<'plan' | 'industry' | 'history'>([
                ['plan', 5],
                ['industry', 3],
                ['history', 2],
              ]);
      rows.push({
        id: ids.uuid(),
        mofDivCode: PROVINCE,
        code: next(`GS${FUND_CLASS_CODES[a.fundClass]}-${LEVEL2_CODES[spec.level2]}`),
        name: spec.name,
        level1: spec.level1,
        level2: spec.level2,
        scope: 'specific',
        direction: dir,
        unit: spec.unit || null,
        valueBasis: basis,
        referenceValue: printed(spec.comparison, spec.lo, spec.hi, spec.unit, spec.text),
        functionClassCode: functionCode ?? SECTOR_FUNCTION_CODE[a.sectors[0]!],
        fundClass: a.fundClass,
        evaluationStandard: STANDARDS[dir]!,
        description: `个性指标，适用于“${a.name}”类项目。`,
        validFrom: from,
        validTo: null,
        status: 'active',
        createdBy,
      });
    }
  }

  // a few indicators retired at the end of the year before: the library keeps its history
  const retired = rng.sample(
    rows.filter((r) => r.scope === 'specific'),
    6,
  );
  for (const r of retired) {
    rows.push({
      ...r,
      id: ids.uuid(),
      code: `${r.code}-2024`,
      name: `${r.name}（2024年版）`,
      validFrom: `${Math.min(...years) - 2}-01-01`,
      validTo: `${Math.min(...years) - 1}-12-31`,
      status: 'retired',
      description: `${r.description ?? ''}已由${r.code}取代。`,
    });
  }
  return rows;
}
