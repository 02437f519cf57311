/**
 * The two scorecard templates of the demo province and the inputs of every subject:
 * - 部门预算管理工作评价 (department_budget): every provincial budget department (T2);
 * - 市县财政高质量发展评价 (county_fiscal): every prefecture and county (T1), with relative indicators
 *   scored against the peer group.
 * A template's leaves carry, besides the rule, where their data come from and how the demo draws them from
 * a subject's latent quality q ∈ [0, 1] (higher is better), so that totals spread over all grades.
 */
import type { GroupNode, IndicatorNode, LeafNode, TemplateDefinition } from '../../core/indicators/types.ts';
import type { InputSource } from '../schema.ts';
import type { Rng } from './rng.ts';

export interface SubjectContext {
  readonly name: string;
  /** prefecture, county, district (长白山's economic management districts) or department. */
  readonly level: 'prefecture' | 'county' | 'district' | 'department';
  readonly year: number;
  /** Not applicable: the subject runs no state capital budget (国有资本经营预算). */
  readonly noStateCapital?: boolean;
}

export type InputDraw = Readonly<Record<string, number | null>>;

export interface DemoLeaf {
  readonly node: LeafNode;
  /** The random stream the leaf draws from (default: its own code); leaves that share one draw alike. */
  readonly rngKey?: string;
  readonly source: InputSource;
  readonly evidence: (ctx: SubjectContext, rng: Rng) => string | null;
  readonly draw: (q: number, rng: Rng, ctx: SubjectContext) => InputDraw;
}

type DemoNode = DemoLeaf | DemoGroup;
interface DemoGroup {
  readonly group: Omit<GroupNode, 'children'>;
  readonly children: readonly DemoNode[];
}

export interface DemoTemplate {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly subjectKind: 'department_budget' | 'county_fiscal';
  readonly description: string;
  /** The definition of a fiscal year (the rules change between years). */
  definition(year: number): TemplateDefinition;
  /** The first draft of the first year (version 1, retired when version 2 was published). */
  draftDefinition(year: number): TemplateDefinition;
  changeNote(year: number, first: boolean): string;
  /** Every leaf of the year's definition with its data source and generator. */
  leaves(year: number): readonly DemoLeaf[];
  /** Range of the subjects' latent quality, calibrated so that totals spread over all five grades. */
  readonly qualityRange: readonly [number, number];
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const pct = (x: number) => r1(clamp(x, 0, 100));

function leaf(
  node: Omit<LeafNode, 'type'>,
  source: InputSource,
  evidence: DemoLeaf['evidence'],
  draw: DemoLeaf['draw'],
  rngKey?: string,
): DemoLeaf {
  return { node: { type: 'leaf', ...node }, source, evidence, draw, ...(rngKey ? { rngKey } : {}) };
}

function group(g: Omit<GroupNode, 'children' | 'type'>, children: readonly DemoNode[]): DemoGroup {
  return { group: { type: 'group', ...g }, children };
}

function toNodes(nodes: readonly DemoNode[]): IndicatorNode[] {
  return nodes.map((n) =>
    'node' in n ? n.node : ({ ...n.group, children: toNodes(n.children) } satisfies GroupNode),
  );
}

/** The definition with some leaves changed (earlier drafts). */
function withLeaves(
  definition: TemplateDefinition,
  changes: Readonly<Record<string, Partial<Omit<LeafNode, 'type' | 'code'>>>>,
): TemplateDefinition {
  const map = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
    nodes.map((n) =>
      n.type === 'group' ? { ...n, children: map(n.children) } : { ...n, ...(changes[n.code] ?? {}) },
    );
  return { ...definition, nodes: map(definition.nodes) };
}

function leavesOf(nodes: readonly DemoNode[]): DemoLeaf[] {
  return nodes.flatMap((n) => ('node' in n ? [n] : leavesOf(n.children)));
}

/** Qualitative inputs: the level (0 = 达成, 1 = 部分达成, 2 = 未达成) and the evaluator's score in its band. */
function qualitative(q: number, rng: Rng, weight: number): InputDraw {
  const x = q + rng.normal(0, 0.12);
  const level = x > 0.6 ? 0 : x > 0.3 ? 1 : 2;
  const [lo, hi] = level === 0 ? [0.8, 1] : level === 1 ? [0.6, 0.79] : [0.3, 0.59];
  const score = Math.round(weight * (lo + (hi - lo) * clamp(x * 1.2 - level * 0.1, 0, 1)) * 2) / 2;
  return { level, score: clamp(score, weight * lo, weight * hi) };
}

/** Occurrences of a deduction item: rarer for better subjects. */
const occurrences = (rng: Rng, q: number, mean: number, power = 1.5) => rng.poisson(mean * (1 - q) ** power);

// ---------------------------------------------------------------------------------------------------------
// Evidence notes
// ---------------------------------------------------------------------------------------------------------

const fromBudgetSystem = (ctx: SubjectContext) =>
  `预算管理一体化系统${ctx.year}年度执行数据（截至${ctx.year}年12月31日）`;
const fromFinalAccounts = (ctx: SubjectContext) => `${ctx.name}${ctx.year}年度部门决算报表`;
const fromStatistics = (ctx: SubjectContext) =>
  `${ctx.year}年${ctx.name}国民经济和社会发展统计公报；省统计局年度快报数据`;
const fromFiscalReport = (ctx: SubjectContext) => `${ctx.name}${ctx.year}年财政决算报表及财政运行分析报告`;
const fromSelfReport = (ctx: SubjectContext) => `${ctx.name}${ctx.year}年度自评报告及佐证材料`;
const fromAudit = (ctx: SubjectContext, rng: Rng) =>
  `省审计厅《关于${ctx.name}${ctx.year}年度预算执行和其他财政收支情况的审计报告》（吉审财报〔${ctx.year + 1}〕${rng.int(3, 60)}号）`;
const fromInspection = (ctx: SubjectContext) => `省委巡视组对${ctx.name}巡视反馈意见（${ctx.year}年）`;
const fromSupervision = (ctx: SubjectContext, rng: Rng) =>
  `省财政厅财会监督专项检查通报（吉财监〔${ctx.year + 1}〕${rng.int(2, 30)}号）`;
const fromAssets = (ctx: SubjectContext) => `行政事业单位国有资产管理信息系统${ctx.year}年度资产报表`;
const fromProcurement = (ctx: SubjectContext) => `吉林省政府采购网及政府采购管理交易系统${ctx.year}年度数据`;
const fromDebt = (ctx: SubjectContext) => `财政部地方政府债务信息公开平台；${ctx.year}年度债务风险评估结果`;
const fromStateCapital = (ctx: SubjectContext) =>
  `${ctx.name}${ctx.year}年国有资本经营决算及国有企业财务会计决算报表`;

// ---------------------------------------------------------------------------------------------------------
// 部门预算管理工作评价
// ---------------------------------------------------------------------------------------------------------

function departmentNodes(year: number): DemoNode[] {
  const y2026 = year >= 2026;
  const standard = (s: string) => ({ standard: s });
  const executionBands = y2026
    ? [
        { from: 0, points: 0 },
        { from: 60, points: 2 },
        { from: 80, points: 4.5 },
        { from: 90, points: 6 },
        { from: 95, points: 7 },
      ]
    : [
        { from: 0, points: 0 },
        { from: 60, points: 2 },
        { from: 80, points: 5 },
        { from: 90, points: 7 },
        { from: 95, points: 8 },
      ];
  const execution: DemoNode[] = [
    leaf(
      {
        code: 'B1',
        name: '预算执行率',
        weight: y2026 ? 7 : 8,
        unit: '%',
        rule: { kind: 'banded', bands: executionBands, interpolate: true },
        ...standard(
          `年度预算执行率达到95%及以上得满分；60%—95%之间按分档线性插值计分（60%、80%、90%分别得${executionBands[1]!.points}分、${executionBands[2]!.points}分、${executionBands[3]!.points}分）；低于60%不得分。`,
        ),
      },
      'budget_system',
      fromBudgetSystem,
      (q, rng) => ({ actual: pct(78 + 22 * q + rng.normal(0, 3)) }),
    ),
    leaf(
      {
        code: 'B2',
        name: '结转结余率',
        weight: y2026 ? 4 : 5,
        unit: '%',
        rule: { kind: 'reverse', target: 5, method: 'linear' },
        ...standard(
          '年末结转结余资金占当年预算比例不超过5%得满分；超过的，每超出1个百分点按比例扣分，达到10%不得分。',
        ),
      },
      'budget_system',
      fromFinalAccounts,
      (q, rng) => ({ actual: r1(clamp(11 - 9 * q + rng.normal(0, 1.2), 0.3, 20)) }),
    ),
    leaf(
      {
        code: 'B3',
        name: '执行进度均衡性',
        weight: 4,
        unit: '个季度',
        rule: {
          kind: 'banded',
          bands: [
            { from: 0, points: 0 },
            { from: 1, points: 1 },
            { from: 2, points: 2 },
            { from: 3, points: 3 },
            { from: 4, points: 4 },
          ],
        },
        ...standard('各季度末支出进度达到序时进度要求的，每个季度得1分。'),
      },
      'budget_system',
      fromBudgetSystem,
      (q, rng) => ({ actual: clamp(Math.round(4 * q + rng.normal(0, 0.7)), 0, 4) }),
    ),
    leaf(
      {
        code: 'B4',
        name: '暂付性款项余额占比',
        weight: y2026 ? 3 : 4,
        unit: '%',
        rule: { kind: 'reverse', target: 2 },
        ...standard('暂付性款项余额占当年支出比例不超过2%得满分；超过的，按2%÷实际比例×分值计分。'),
      },
      'budget_system',
      fromFinalAccounts,
      (q, rng) => ({ actual: r2(clamp(4.5 - 3.8 * q + rng.normal(0, 0.5), 0.1, 12)) }),
    ),
    leaf(
      {
        code: 'B5',
        name: '直达资金支付进度',
        weight: 4,
        unit: '%',
        rule: { kind: 'positive' },
        ...standard(
          '直达资金支付进度达到财政部门下达的进度要求（年度指标值）得满分；未达到的按实际进度÷要求进度×分值计分。',
        ),
      },
      'budget_system',
      fromBudgetSystem,
      (q, rng) => ({ actual: pct(82 + 18 * q + rng.normal(0, 3)), target: rng.pick([90, 95, 100]) }),
    ),
  ];
  if (y2026) {
    execution.push(
      leaf(
        {
          code: 'B6',
          name: '“三公”经费增长率',
          weight: 3,
          unit: '%',
          rule: { kind: 'reverse', target: 0 },
          ...standard('落实党政机关习惯过紧日子要求，“三公”经费只减不增：同比不增长得满分，增长的不得分。'),
        },
        'budget_system',
        fromFinalAccounts,
        (q, rng) => ({ actual: r1(clamp(-8 + 12 * (1 - q) + rng.normal(0, 3), -20, 15)) }),
      ),
    );
  }

  const deductions: DemoNode[] = [
    leaf(
      {
        code: 'F1',
        name: '违反预算管理规定事项',
        weight: 6,
        rule: { kind: 'deduction', perUnit: 2 },
        ...standard('无预算、超预算支出，擅自调剂预算等，每发现1项扣2分，最多扣6分。'),
      },
      'supervision',
      fromSupervision,
      (q, rng) => ({ count: occurrences(rng, q, 1.6) }),
    ),
    leaf(
      {
        code: 'F2',
        name: '挤占挪用、虚列支出等违规使用财政资金',
        weight: 9,
        rule: { kind: 'deduction', perUnit: 3 },
        ...standard('挤占挪用、虚列支出、套取财政资金等，每发现1项扣3分，最多扣9分。'),
      },
      'audit',
      fromAudit,
      (q, rng) => ({ count: occurrences(rng, q, 1.0, 2.5) }),
    ),
    leaf(
      {
        code: 'F3',
        name: '审计和巡视发现问题未按期整改',
        weight: 5,
        rule: { kind: 'deduction', perUnit: 1 },
        ...standard('审计、巡视发现问题未按期完成整改的，每项扣1分，最多扣5分。'),
      },
      'inspection',
      fromInspection,
      (q, rng) => ({ count: occurrences(rng, q, 2.5) }),
    ),
    leaf(
      {
        code: 'F4',
        name: '违反政府采购规定事项',
        weight: 4,
        rule: { kind: 'deduction', perUnit: 2 },
        ...standard('化整为零规避公开招标、违规指定品牌等，每项扣2分，最多扣4分。'),
      },
      'supervision',
      fromSupervision,
      (q, rng) => ({ count: occurrences(rng, q, 0.8, 2) }),
    ),
    leaf(
      {
        code: 'F5',
        name: '违反资产管理规定事项',
        weight: 4,
        rule: { kind: 'deduction', perUnit: 1 },
        ...standard('未经批准处置、出租出借国有资产等，每项扣1分，最多扣4分。'),
      },
      'audit',
      fromAudit,
      (q, rng) => ({ count: occurrences(rng, q, 1.2, 2) }),
    ),
  ];
  if (y2026) {
    deductions.push(
      leaf(
        {
          code: 'F6',
          name: '违反过紧日子要求事项',
          weight: 3,
          rule: { kind: 'deduction', perUnit: 1 },
          ...standard('超标准配置资产、违规新建楼堂馆所、超范围发放津补贴等，每项扣1分，最多扣3分。'),
        },
        'supervision',
        fromSupervision,
        (q, rng) => ({ count: occurrences(rng, q, 1.0, 2) }),
      ),
    );
  }

  return [
    group({ code: 'A', name: '预算编制', nameEn: 'Budget compilation', weight: 25 }, [
      leaf(
        {
          code: 'A1',
          name: '项目入库评审率',
          weight: 5,
          unit: '%',
          rule: { kind: 'positive', target: 100 },
          ...standard(
            '申报预算的项目全部经评审后纳入项目库得满分；否则按评审入库项目比例×分值计分（先评审后入库）。',
          ),
        },
        'budget_system',
        fromBudgetSystem,
        (q, rng) => ({ actual: pct(86 + 16 * q + rng.normal(0, 2)) }),
      ),
      leaf(
        {
          code: 'A2',
          name: '绩效目标编报覆盖率',
          weight: 5,
          unit: '%',
          rule: {
            kind: 'banded',
            bands: [
              { from: 0, points: 0 },
              { from: 80, points: 2 },
              { from: 90, points: 3 },
              { from: 95, points: 4 },
              { from: 100, points: 5 },
            ],
          },
          ...standard(
            '项目支出绩效目标编报覆盖率100%得5分，95%及以上得4分，90%及以上得3分，80%及以上得2分，低于80%不得分。',
          ),
        },
        'budget_system',
        fromBudgetSystem,
        (q, rng) => ({ actual: pct(q > 0.55 ? 100 : 84 + 18 * q + rng.normal(0, 3)) }),
      ),
      leaf(
        {
          code: 'A3',
          name: '预算调剂率',
          weight: 5,
          unit: '%',
          rule: { kind: 'reverse', target: 5 },
          ...standard('年度预算调剂金额占年初预算比例不超过5%得满分；超过的，按5%÷实际调剂率×分值计分。'),
        },
        'budget_system',
        fromBudgetSystem,
        (q, rng) => ({ actual: r1(clamp(12 - 10 * q + rng.normal(0, 1.5), 0.5, 30)) }),
      ),
      leaf(
        {
          code: 'A4',
          name: '支出标准应用率',
          weight: 5,
          unit: '%',
          rule: { kind: 'positive', target: 90 },
          ...standard(
            '按通用和专用支出标准编制的预算项目占比达到90%得满分；未达到的按实际比例÷90%×分值计分（无标准原则上不安排预算）。',
          ),
        },
        'budget_system',
        fromBudgetSystem,
        (q, rng) => ({ actual: pct(62 + 34 * q + rng.normal(0, 4)) }),
      ),
      leaf(
        {
          code: 'A5',
          name: '预算编制质量',
          weight: 5,
          rule: { kind: 'qualitative' },
          ...standard(
            '预算编制完整、细化，测算依据充分、标准适用准确的为达成（4—5分）；存在少量测算依据不足的为部分达成（3—4分）；编制粗放、测算依据缺失的为未达成（0—3分）。',
          ),
        },
        'inspection',
        (ctx) => `省财政厅${ctx.year}年度部门预算审核意见`,
        (q, rng) => qualitative(q, rng, 5),
      ),
    ]),
    group({ code: 'B', name: '执行管理', nameEn: 'Budget execution', weight: 25 }, execution),
    group({ code: 'C', name: '绩效管理', nameEn: 'Performance management', weight: 25 }, [
      leaf(
        {
          code: 'C1',
          name: '绩效目标质量',
          weight: 5,
          rule: { kind: 'qualitative' },
          ...standard(
            '绩效目标与部门职责、预算资金量相匹配，指标细化量化、可衡量的为达成；部分指标不够细化的为部分达成；目标缺失或明显偏低的为未达成。',
          ),
        },
        'inspection',
        (ctx) => `省财政厅绩效管理处${ctx.year}年度绩效目标审核意见`,
        (q, rng) => qualitative(q, rng, 5),
      ),
      leaf(
        {
          code: 'C2',
          name: '绩效运行监控覆盖率',
          weight: 5,
          unit: '%',
          rule: { kind: 'positive', target: 100 },
          ...standard('开展“双监控”的项目占比达到100%得满分；未达到的按比例计分。'),
        },
        'budget_system',
        fromBudgetSystem,
        (q, rng) => ({ actual: pct(q > 0.5 ? 100 : 80 + 30 * q + rng.normal(0, 3)) }),
      ),
      leaf(
        {
          code: 'C3',
          name: '单位自评覆盖率',
          weight: 5,
          unit: '%',
          rule: { kind: 'positive', target: 100 },
          ...standard('项目支出单位自评覆盖率100%得满分；未达到的按比例计分。'),
        },
        'self_report',
        fromSelfReport,
        (q, rng) => ({ actual: pct(q > 0.4 ? 100 : 85 + 30 * q + rng.normal(0, 3)) }),
      ),
      leaf(
        {
          code: 'C4',
          name: '评价发现问题整改率',
          weight: 5,
          unit: '%',
          rule: {
            kind: 'formula',
            expression: 'due == 0 ? weight : weight * min(1, done / due)',
            inputs: [
              { name: 'due', label: '应整改问题数', unit: '个' },
              { name: 'done', label: '已完成整改问题数', unit: '个' },
            ],
          },
          ...standard(
            '绩效评价和监控发现问题全部按期整改得满分；否则按已整改问题数÷应整改问题数×分值计分；无应整改问题的得满分。',
          ),
        },
        'self_report',
        fromSelfReport,
        (q, rng) => {
          const due = rng.int(0, 12);
          return { due, done: Math.min(due, Math.round(due * clamp(q + 0.25 + rng.normal(0, 0.1), 0, 1))) };
        },
      ),
      leaf(
        {
          code: 'C5',
          name: '评价结果应用',
          weight: 5,
          rule: { kind: 'qualitative' },
          ...standard(
            '将评价结果与预算安排、政策调整挂钩并有书面佐证的为达成；部分挂钩的为部分达成；未应用的为未达成。',
          ),
        },
        'self_report',
        fromSelfReport,
        (q, rng) => qualitative(q, rng, 5),
      ),
    ]),
    group({ code: 'D', name: '资产管理', nameEn: 'Asset management', weight: 15 }, [
      leaf(
        {
          code: 'D1',
          name: '资产账实相符率',
          weight: 5,
          unit: '%',
          rule: { kind: 'positive', target: 100 },
          ...standard('资产清查账实相符率100%得满分；未达到的按比例计分。'),
        },
        'budget_system',
        fromAssets,
        (q, rng) => ({ actual: pct(93 + 8 * q + rng.normal(0, 1)) }),
      ),
      leaf(
        {
          code: 'D2',
          name: '通用办公设备人均占有率',
          weight: 5,
          unit: '台/人',
          rule: { kind: 'reverse', target: 1.2 },
          ...standard(
            '台式计算机、便携式计算机等通用办公设备人均占有量不超过配置标准（1.2台/人）得满分；超过的按标准÷实际×分值计分。',
          ),
        },
        'budget_system',
        fromAssets,
        (q, rng) => ({ actual: r2(clamp(1.7 - 0.6 * q + rng.normal(0, 0.08), 0.8, 2.5)) }),
      ),
      leaf(
        {
          code: 'D3',
          name: '闲置资产盘活率',
          weight: 5,
          unit: '%',
          rule: {
            kind: 'banded',
            bands: [
              { from: 0, points: 0 },
              { from: 50, points: 2 },
              { from: 80, points: 4 },
              { from: 100, points: 5 },
            ],
            interpolate: true,
          },
          ...standard(
            '闲置资产通过调剂、共享、处置等方式盘活的比例，100%得5分，80%得4分，50%得2分，其间线性插值，低于50%按比例递减。',
          ),
        },
        'self_report',
        fromAssets,
        (q, rng) => ({ actual: pct(35 + 70 * q + rng.normal(0, 8)) }),
      ),
    ]),
    group({ code: 'E', name: '采购管理', nameEn: 'Procurement', weight: 10 }, [
      leaf(
        {
          code: 'E1',
          name: '政府采购预算执行率',
          weight: 4,
          unit: '%',
          rule: { kind: 'positive', target: 100 },
          ...standard('政府采购预算执行率100%得满分；未达到的按比例计分。'),
        },
        'budget_system',
        fromProcurement,
        (q, rng) => ({ actual: pct(75 + 28 * q + rng.normal(0, 3)) }),
      ),
      leaf(
        {
          code: 'E2',
          name: '采购意向公开率',
          weight: 3,
          unit: '%',
          rule: { kind: 'positive', target: 100 },
          ...standard('政府采购意向按规定提前30日公开的项目比例100%得满分；未达到的按比例计分。'),
        },
        'budget_system',
        fromProcurement,
        (q, rng) => ({ actual: pct(q > 0.45 ? 100 : 78 + 40 * q + rng.normal(0, 3)) }),
      ),
      leaf(
        {
          code: 'E3',
          name: '面向中小企业预留份额占比',
          weight: 3,
          unit: '%',
          rule: {
            kind: 'banded',
            bands: [
              { from: 0, points: 0 },
              { from: 20, points: 1.2 },
              { from: 30, points: 2.4 },
              { from: 40, points: 3 },
            ],
          },
          ...standard(
            '预留给中小企业的采购份额占比40%及以上得3分，30%及以上得2.4分，20%及以上得1.2分，低于20%不得分。',
          ),
        },
        'budget_system',
        fromProcurement,
        (q, rng) => ({ actual: pct(18 + 30 * q + rng.normal(0, 5)) }),
      ),
    ]),
    group(
      {
        code: 'F',
        name: '违反财会监督清单事项',
        nameEn: 'Financial supervision list violations',
        weight: y2026 ? 18 : 15,
        category: 'deduction',
      },
      deductions,
    ),
  ];
}

const DEPARTMENT_DESCRIPTION =
  '落实吉政发〔2025〕11号T2“部门预算管理工作评价”：以预算编制、执行管理、绩效管理、资产管理、采购管理五方面正向指标（满分100分）' +
  '衡量预算部门的全过程预算管理水平，以财会监督清单事项作为减分项。权重依据：编制、执行、绩效是“花钱必问效”的主链条，各占25分；' +
  '资产和采购是支出形成的结果与过程控制，分别占15分和10分。执行率采用分档插值而非简单比例，避免年底突击花钱即可得满分；' +
  '结转结余率、预算调剂率、暂付款占比为反向指标；整改率用公式计分，无应整改问题时得满分。减分项数据来自审计、巡视和财会监督检查，' +
  '按次扣分并设上限，确保一项问题不至于掩盖全部管理成效。';

export const DEPARTMENT_BUDGET_TEMPLATE: DemoTemplate = {
  code: 'department-budget-management',
  name: '部门预算管理工作评价',
  nameEn: "Budget departments' budget management evaluation",
  subjectKind: 'department_budget',
  description: DEPARTMENT_DESCRIPTION,
  definition: (year) => ({ maxScore: 100, nodes: toNodes(departmentNodes(year)) }),
  draftDefinition: (year) =>
    withLeaves(
      { maxScore: 100, nodes: toNodes(departmentNodes(year)) },
      {
        B1: {
          rule: { kind: 'positive', target: 100 },
          standard: '预算执行率达到100%得满分；未达到的按实际执行率×分值计分。',
        },
      },
    ),
  changeNote: (year, first) =>
    year >= 2026
      ? '落实党政机关习惯过紧日子要求：执行管理下增设“三公”经费增长率（3分），预算执行率调整为7分、结转结余率调整为4分、暂付性款项余额占比调整为3分；减分项增设“违反过紧日子要求事项”，扣分上限由15分提高到18分。'
      : first
        ? '征求意见稿。'
        : '根据省直部门意见修改：预算执行率改为分档插值计分，明确各减分项扣分上限。',
  leaves: (year) => leavesOf(departmentNodes(year)),
  qualityRange: [0.16, 0.84],
};

// ---------------------------------------------------------------------------------------------------------
// 市县财政高质量发展评价
// ---------------------------------------------------------------------------------------------------------

const PER_CAPITA_BASE: Readonly<Record<SubjectContext['level'], number>> = {
  prefecture: 4800,
  county: 2300,
  district: 3200,
  department: 0,
};
const SELF_RELIANCE_BASE: Readonly<Record<SubjectContext['level'], number>> = {
  prefecture: 42,
  county: 24,
  district: 30,
  department: 0,
};

/** State capital inputs are null (不适用) where the division runs no state capital budget. */
function stateCapital(draw: DemoLeaf['draw']): DemoLeaf['draw'] {
  return (q, rng, ctx) => {
    const values = draw(q, rng, ctx);
    return ctx.noStateCapital ? Object.fromEntries(Object.keys(values).map((k) => [k, null])) : values;
  };
}

function countyNodes(year: number): DemoNode[] {
  const y2026 = year >= 2026;
  const standard = (s: string) => ({ standard: s });
  const quality: DemoNode[] = [
    leaf(
      {
        code: 'B1',
        name: '一般公共预算支出执行率',
        weight: 8,
        unit: '%',
        rule: {
          kind: 'banded',
          bands: [
            { from: 70, points: 0 },
            { from: 85, points: 4 },
            { from: 92, points: 6 },
            { from: 96, points: 8 },
          ],
          interpolate: true,
        },
        ...standard(
          '一般公共预算支出执行率（支出÷调整预算）96%及以上得8分，92%得6分，85%得4分，其间线性插值；70%及以下不得分。',
        ),
      },
      'budget_system',
      fromFiscalReport,
      (q, rng) => ({ actual: pct(84 + 15 * q + rng.normal(0, 2)) }),
    ),
    leaf(
      {
        code: 'B2',
        name: '“三保”支出保障率',
        weight: 8,
        unit: '%',
        rule: { kind: 'positive', target: 100 },
        ...standard('保基本民生、保工资、保运转支出足额保障（100%）得满分；未足额保障的按保障率×分值计分。'),
      },
      'budget_system',
      fromFiscalReport,
      (q, rng) => ({ actual: q > 0.25 ? 100 : pct(90 + 30 * q + rng.normal(0, 1.5)) }),
    ),
    leaf(
      {
        code: 'B3',
        name: '库款保障水平',
        weight: 6,
        unit: '月',
        rule: {
          kind: 'banded',
          bands: [
            { from: 0, points: 0 },
            { from: 0.3, points: 3 },
            { from: 0.5, points: 4.5 },
            { from: 0.8, points: 6 },
          ],
        },
        ...standard(
          '月末库款余额÷月均库款流出量：0.8及以上得6分，0.5—0.8得4.5分，0.3—0.5得3分，低于0.3不得分（库款保障水平过低提示支付风险）。',
        ),
      },
      'budget_system',
      (ctx) => `国库集中收付系统${ctx.year}年各月库款余额数据`,
      (q, rng) => ({ actual: r2(clamp(0.15 + 0.95 * q + rng.normal(0, 0.12), 0.05, 1.8)) }),
    ),
    leaf(
      {
        code: 'B4',
        name: '直达资金支出进度',
        weight: 6,
        unit: '%',
        rule: { kind: 'positive' },
        ...standard(
          '直达资金实际支出进度达到财政部规定的进度要求（年度指标值）得满分；未达到的按实际÷要求×分值计分。',
        ),
      },
      'budget_system',
      (ctx) => `直达资金监控系统${ctx.year}年12月末数据`,
      (q, rng) => ({ actual: pct(80 + 20 * q + rng.normal(0, 3)), target: rng.pick([95, 100]) }),
    ),
    leaf(
      {
        code: 'B5',
        name: '预算绩效管理工作质量',
        weight: y2026 ? 4 : 6,
        rule: { kind: 'qualitative' },
        ...standard(
          '全面实施预算绩效管理，事前评估、目标管理、运行监控、评价及结果应用闭环运行的为达成；部分环节缺失的为部分达成；流于形式的为未达成。',
        ),
      },
      'inspection',
      (ctx) => `省财政厅绩效管理处对${ctx.name}${ctx.year}年度预算绩效管理工作考核意见`,
      (q, rng) => qualitative(q, rng, y2026 ? 4 : 6),
    ),
    leaf(
      {
        code: 'B6',
        name: '存量资金盘活率',
        weight: 6,
        unit: '%',
        rule: { kind: 'positive', target: 100 },
        ...standard('结转两年以上存量资金全部收回统筹使用得满分；否则按盘活比例×分值计分。'),
      },
      'budget_system',
      fromFiscalReport,
      (q, rng) => ({ actual: pct(55 + 45 * q + rng.normal(0, 6)) }),
    ),
  ];
  if (y2026) {
    quality.push(
      leaf(
        {
          code: 'B7',
          name: '一般性支出压减比例',
          weight: 2,
          unit: '%',
          rule: { kind: 'positive', target: 5 },
          ...standard(
            '落实过紧日子要求，一般性支出较上年压减5%及以上得满分；未达到的按实际压减比例÷5%×分值计分。',
          ),
        },
        'budget_system',
        fromFiscalReport,
        (q, rng) => ({ actual: r1(clamp(1 + 6 * q + rng.normal(0, 1), 0, 12)) }),
      ),
    );
  }

  return [
    group({ code: 'A', name: '地方自主财力', nameEn: 'Own revenue capacity', weight: 35 }, [
      leaf(
        {
          code: 'A1',
          name: '一般公共预算收入增幅',
          weight: 8,
          unit: '%',
          rule: {
            kind: 'banded',
            bands: y2026
              ? [
                  { from: -10, points: 0 },
                  { from: 0, points: 3 },
                  { from: 4, points: 5 },
                  { from: 6, points: 7 },
                  { from: 8, points: 8 },
                ]
              : [
                  { from: -10, points: 0 },
                  { from: 0, points: 3 },
                  { from: 3, points: 5 },
                  { from: 6, points: 7 },
                  { from: 8, points: 8 },
                ],
            interpolate: true,
          },
          ...standard(
            '按可比口径计算的一般公共预算收入增幅8%及以上得8分，6%得7分，0得3分，其间线性插值；下降10%及以上不得分。',
          ),
        },
        'statistics',
        fromStatistics,
        (q, rng) => ({ actual: r1(-5 + 14 * q + rng.normal(0, 2)) }),
      ),
      leaf(
        {
          code: 'A2',
          name: '税收收入占一般公共预算收入比重',
          weight: 8,
          unit: '%',
          rule: {
            kind: 'banded',
            bands: [
              { from: 0, points: 0 },
              { from: 50, points: 3 },
              { from: 60, points: 5 },
              { from: 70, points: 7 },
              { from: 75, points: 8 },
            ],
            interpolate: true,
          },
          ...standard(
            '税收收入占比反映收入质量：75%及以上得8分，70%得7分，60%得5分，50%得3分，其间线性插值。',
          ),
        },
        'budget_system',
        fromFiscalReport,
        (q, rng) => ({ actual: pct(50 + 30 * q + rng.normal(0, 4)) }),
      ),
      leaf(
        {
          code: 'A3',
          name: '人均一般公共预算收入',
          weight: 7,
          unit: '元',
          rule: { kind: 'relative', method: 'mean_ratio', better: 'higher' },
          ...standard('与全省市县平均水平比较：达到或超过平均值得满分；低于平均值的按本地÷平均值×分值计分。'),
        },
        'statistics',
        fromStatistics,
        (q, rng, ctx) => ({
          actual: Math.round(PER_CAPITA_BASE[ctx.level] * (0.55 + 0.9 * q) * Math.exp(rng.normal(0, 0.15))),
        }),
      ),
      leaf(
        {
          code: 'A4',
          name: '财政自给率',
          weight: 6,
          unit: '%',
          rule: { kind: 'relative', method: 'rank', better: 'higher' },
          ...standard(
            '一般公共预算收入÷一般公共预算支出，在全省市县中按位次计分：第1名得满分，末位不得分，其间按位次均匀递减。',
          ),
        },
        'budget_system',
        fromFiscalReport,
        (q, rng, ctx) => ({
          actual: r1(clamp(SELF_RELIANCE_BASE[ctx.level] * (0.6 + 0.8 * q) + rng.normal(0, 3), 5, 95)),
        }),
      ),
      leaf(
        {
          code: 'A5',
          name: '非税收入占比',
          weight: 6,
          unit: '%',
          rule: { kind: 'reverse', target: 30 },
          ...standard(
            '非税收入占一般公共预算收入比重不超过30%得满分；超过的按30%÷实际占比×分值计分（防止以非税收入虚增财力）。',
          ),
        },
        'budget_system',
        fromFiscalReport,
        // the complement of A2 (tax + non-tax = 100%): drawn from A2's stream
        (q, rng) => ({ actual: r1(100 - pct(50 + 30 * q + rng.normal(0, 4))) }),
        'A2',
      ),
    ]),
    group({ code: 'B', name: '财政运行质量', nameEn: 'Fiscal operation quality', weight: 40 }, quality),
    group({ code: 'C', name: '国有资本经营情况', nameEn: 'State capital operation', weight: 25 }, [
      leaf(
        {
          code: 'C1',
          name: '国有资本保值增值率',
          weight: 8,
          unit: '%',
          rule: {
            kind: 'banded',
            bands: [
              { from: 90, points: 0 },
              { from: 100, points: 4 },
              { from: 103, points: 6 },
              { from: 106, points: 8 },
            ],
            interpolate: true,
          },
          ...standard('106%及以上得8分，103%得6分，100%得4分，其间线性插值；90%及以下不得分。'),
        },
        'statistics',
        fromStateCapital,
        stateCapital((q, rng) => ({ actual: r1(95 + 12 * q + rng.normal(0, 1.5)) })),
      ),
      leaf(
        {
          code: 'C2',
          name: '国有资本收益上缴比例',
          weight: 6,
          unit: '%',
          rule: { kind: 'positive', target: 30 },
          ...standard('国有企业税后利润上缴比例达到30%得满分；未达到的按实际÷30%×分值计分。'),
        },
        'budget_system',
        fromStateCapital,
        stateCapital((q, rng) => ({ actual: r1(clamp(15 + 20 * q + rng.normal(0, 3), 0, 50)) })),
      ),
      leaf(
        {
          code: 'C3',
          name: '国有资本经营预算调入一般公共预算比例',
          weight: 5,
          unit: '%',
          rule: { kind: 'positive', target: 30 },
          ...standard('国有资本经营预算调入一般公共预算的比例达到30%得满分；未达到的按比例计分。'),
        },
        'budget_system',
        fromStateCapital,
        stateCapital((q, rng) => ({ actual: r1(clamp(18 + 16 * q + rng.normal(0, 3), 0, 50)) })),
      ),
      leaf(
        {
          code: 'C4',
          name: '国有企业平均资产负债率',
          weight: 6,
          unit: '%',
          rule: { kind: 'reverse', target: 65 },
          ...standard('本级国有企业平均资产负债率不超过65%得满分；超过的按65%÷实际×分值计分。'),
        },
        'statistics',
        fromStateCapital,
        stateCapital((q, rng) => ({ actual: r1(clamp(80 - 22 * q + rng.normal(0, 4), 30, 95)) })),
      ),
    ]),
    group(
      {
        code: 'D',
        name: '财政基础管理',
        nameEn: 'Basic fiscal management',
        weight: 10,
        category: 'deduction',
      },
      [
        leaf(
          {
            code: 'D1',
            name: '预决算公开不规范事项',
            weight: 4,
            rule: { kind: 'deduction', perUnit: 1 },
            ...standard('预决算公开不及时、不完整、不细化，每项扣1分，最多扣4分。'),
          },
          'inspection',
          (ctx) => `省财政厅${ctx.year}年度地方预决算公开情况检查通报`,
          (q, rng) => ({ count: occurrences(rng, q, 2.2) }),
        ),
        leaf(
          {
            code: 'D2',
            name: '财政数据报送不及时或不准确',
            weight: 3,
            rule: { kind: 'deduction', perUnit: 0.5 },
            ...standard('财政收支、决算、债务等数据报送迟报、错报，每次扣0.5分，最多扣3分。'),
          },
          'budget_system',
          (ctx) => `省财政厅${ctx.year}年度财政数据报送质量通报`,
          (q, rng) => ({ count: occurrences(rng, q, 3) }),
        ),
        leaf(
          {
            code: 'D3',
            name: '国库集中支付和资金拨付违规事项',
            weight: 3,
            rule: { kind: 'deduction', perUnit: 1 },
            ...standard('违规将资金从国库转入财政专户、违规拨付等，每项扣1分，最多扣3分。'),
          },
          'supervision',
          fromSupervision,
          (q, rng) => ({ count: occurrences(rng, q, 1.2, 2) }),
        ),
      ],
    ),
    group(
      { code: 'E', name: '财政风险控制', nameEn: 'Fiscal risk control', weight: 10, category: 'deduction' },
      [
        leaf(
          {
            code: 'E1',
            name: '政府债务风险等级',
            weight: 6,
            unit: '级',
            rule: { kind: 'deduction', perUnit: 2 },
            ...standard(
              '按财政部债务风险评估结果：绿色0级不扣分，黄色1级扣2分，橙色2级扣4分，红色3级扣6分。',
            ),
          },
          'budget_system',
          fromDebt,
          (q, rng) => {
            const x = q + rng.normal(0, 0.08);
            return { count: x > 0.55 ? 0 : x > 0.35 ? 1 : x > 0.15 ? 2 : 3 };
          },
        ),
        leaf(
          {
            code: 'E2',
            name: '新增隐性债务或违规举债问题',
            weight: 10,
            rule: { kind: 'deduction', perUnit: 5 },
            ...standard(
              '经审计、督查认定新增隐性债务或违规举债融资的，每项扣5分，最多扣10分（本组合计最多扣10分）。',
            ),
          },
          'audit',
          fromAudit,
          (q, rng) => ({ count: occurrences(rng, q, 0.6, 3) }),
        ),
        leaf(
          {
            code: 'E3',
            name: '“三保”风险事项',
            weight: 4,
            rule: { kind: 'deduction', perUnit: 2 },
            ...standard('出现拖欠工资、“三保”支出保障不到位等风险事项的，每项扣2分，最多扣4分。'),
          },
          'supervision',
          (ctx) => `省财政厅县级“三保”运行监控系统${ctx.year}年度预警记录`,
          (q, rng) => ({ count: occurrences(rng, q, 0.8, 2.5) }),
        ),
      ],
    ),
    group(
      {
        code: 'F',
        name: '违反财经纪律',
        nameEn: 'Fiscal discipline violations',
        weight: 10,
        category: 'deduction',
      },
      [
        leaf(
          {
            code: 'F1',
            name: '审计发现违反财经纪律问题',
            weight: 6,
            rule: { kind: 'deduction', perUnit: 1 },
            ...standard('审计查出的违反财经纪律问题，每项扣1分，最多扣6分。'),
          },
          'audit',
          fromAudit,
          (q, rng) => ({ count: occurrences(rng, q, 2.5) }),
        ),
        leaf(
          {
            code: 'F2',
            name: '财会监督检查发现问题',
            weight: 5,
            rule: { kind: 'deduction', perUnit: 1 },
            ...standard('财会监督检查发现的问题，每项扣1分，最多扣5分。'),
          },
          'supervision',
          fromSupervision,
          (q, rng) => ({ count: occurrences(rng, q, 2) }),
        ),
        leaf(
          {
            code: 'F3',
            name: '虚增财政收入或违规返还税收',
            weight: 6,
            rule: { kind: 'deduction', perUnit: 3 },
            ...standard('虚增财政收入、违规返还或减免税收的，每项扣3分，最多扣6分。'),
          },
          'inspection',
          fromInspection,
          (q, rng) => ({ count: occurrences(rng, q, 0.4, 3) }),
        ),
      ],
    ),
  ];
}

const COUNTY_DESCRIPTION =
  '落实吉政发〔2025〕11号T1“市县财政高质量发展评价”，参照财政部地方财政管理绩效综合评价（财预〔2014〕45号）：正向指标为地方自主财力（35分）、' +
  '财政运行质量（40分）、国有资本经营情况（25分），减分项为财政基础管理、财政风险控制、违反财经纪律（各组最多扣10分）。' +
  '财政运行质量直接关系“三保”底线和支付安全，权重最高；自主财力侧重收入质量（税收占比、非税占比）而非规模，' +
  '人均收入和财政自给率与全省市县横向比较（相对指标），以消除发展基础差异带来的不可比；未编制国有资本经营预算的区划，' +
  '国有资本指标不适用，总分按适用指标折算。减分项按次扣分并设组上限，债务风险等级按财政部评估结果逐级扣分。';

export const COUNTY_FISCAL_TEMPLATE: DemoTemplate = {
  code: 'county-fiscal-high-quality',
  name: '市县财政高质量发展评价',
  nameEn: 'City/county fiscal high-quality development evaluation',
  subjectKind: 'county_fiscal',
  description: COUNTY_DESCRIPTION,
  definition: (year) => ({ maxScore: 100, nodes: toNodes(countyNodes(year)) }),
  draftDefinition: (year) =>
    withLeaves(
      { maxScore: 100, nodes: toNodes(countyNodes(year)) },
      {
        A3: {
          rule: { kind: 'relative', method: 'rank', better: 'higher' },
          standard: '在全省市县中按位次计分：第1名得满分，末位不得分。',
        },
        B3: {
          rule: { kind: 'positive', target: 0.8 },
          standard: '库款保障水平达到0.8得满分；未达到的按实际÷0.8×分值计分。',
        },
      },
    ),
  changeNote: (year, first) =>
    year >= 2026
      ? '落实过紧日子要求，财政运行质量下增设“一般性支出压减比例”（2分），预算绩效管理工作质量由6分调整为4分；收入增幅4%对应5分（原为3%）。'
      : first
        ? '征求意见稿。'
        : '根据市县财政部门意见修改：人均一般公共预算收入改为与全省平均值比较，库款保障水平改为分档计分。',
  leaves: (year) => leavesOf(countyNodes(year)),
  qualityRange: [0.25, 0.86],
};

export const DEMO_TEMPLATES: readonly DemoTemplate[] = [DEPARTMENT_BUDGET_TEMPLATE, COUNTY_FISCAL_TEMPLATE];

export interface DrawnInput {
  /** `${leafCode}.${inputName}` */
  readonly key: string;
  readonly value: number | null;
  readonly source: InputSource;
  readonly evidenceNote: string | null;
}

/** Every input of every leaf of the year's template for one subject of latent quality q. */
export function drawSubjectInputs(
  template: DemoTemplate,
  ctx: SubjectContext,
  q: number,
  rng: Rng,
): DrawnInput[] {
  return template.leaves(ctx.year).flatMap((l) => {
    const values = l.draw(q, rng.fork(l.rngKey ?? l.node.code), ctx);
    const anyValue = Object.values(values).some((v) => v !== null);
    const evidenceNote = anyValue
      ? l.evidence(ctx, rng.fork(`${l.node.code}/evidence`))
      : `${ctx.name}未编制国有资本经营预算，本指标不适用`;
    return Object.entries(values).map(([name, value]) => ({
      key: `${l.node.code}.${name}`,
      value,
      source: l.source,
      evidenceNote,
    }));
  });
}

/**
 * Latent qualities of n subjects, stratified so that every run has good and bad subjects in about the same
 * shares (a few 优, most 良/中, some 低/差), in a random order.
 */
const CENTRE = 2;

export function latentQualities(n: number, rng: Rng, [lo, hi]: readonly [number, number]): number[] {
  const order = rng.sample(
    Array.from({ length: n }, (_, i) => i),
    n,
  );
  const q = new Array<number>(n).fill(0);
  order.forEach((subject, k) => {
    const u = (k + rng.next()) / n;
    // denser in the middle: most subjects are 良/中, fewer at either end
    const v = 2 * u - 1;
    q[subject] = lo + ((hi - lo) * (1 + Math.sign(v) * Math.abs(v) ** CENTRE)) / 2;
  });
  return q;
}

/** Next year's quality: mostly the same subject, a little better or worse. */
export function nextYearQuality(q: number, rng: Rng): number {
  return clamp(q + rng.normal(0.02, 0.07), 0.02, 1);
}
