import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../scoring/compile-template.ts';
import { explainSubject } from '../scoring/explain.ts';
import { JILIN_FIVE_TIER } from '../scoring/grades.ts';
import { batchFromValues } from '../scoring/score-subjects.ts';
import type { TemplateDefinition } from '../indicators/types.ts';
import {
  addDays,
  chinaDay,
  isOverdue,
  isValidDay,
  readNoticeDefaults,
  selectSubjects,
} from './notice-defaults.ts';
import { proposeItems } from './propose-items.ts';
import { allowedEvents, itemTransition, partyOf, type ItemParty } from './rectification-machine.ts';

const DEFINITION: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'A',
      name: '财政收入质量',
      weight: 40,
      children: [
        {
          type: 'leaf',
          code: 'A1',
          name: '税收收入占比',
          weight: 20,
          rule: { kind: 'positive', target: 70 },
        },
        { type: 'leaf', code: 'A2', name: '非税收入占比', weight: 20, rule: { kind: 'reverse', target: 30 } },
      ],
    },
    {
      type: 'group',
      code: 'B',
      name: '财政管理水平',
      weight: 60,
      children: [
        { type: 'leaf', code: 'B1', name: '预算执行率', weight: 30, rule: { kind: 'positive', target: 95 } },
        { type: 'leaf', code: 'B2', name: '内控制度建设', weight: 30, rule: { kind: 'qualitative' } },
      ],
    },
    {
      type: 'group',
      code: 'D',
      name: '减分项',
      weight: 10,
      category: 'deduction',
      children: [
        {
          type: 'leaf',
          code: 'D1',
          name: '违反财经纪律',
          weight: 10,
          rule: { kind: 'deduction', perUnit: 2 },
        },
      ],
    },
  ],
};

function explain(values: Record<string, number>) {
  const plan = compileTemplate(DEFINITION);
  if (!plan.ok) throw new Error('template');
  const batch = batchFromValues(plan.value, [{ subjectId: 's', values: new Map(Object.entries(values)) }]);
  return explainSubject(plan.value, batch, 0, JILIN_FIVE_TIER);
}

describe('proposeItems: the indicators that lost most points', () => {
  const e = explain({
    'A1.actual': 35, // 10 of 20: lost 10
    'A2.actual': 40, // 30/40 × 20 = 15: lost 5
    'B1.actual': 95, // full
    'B2.level': 1, // partly achieved → 0.6–0.8 of 30 → 18: lost 12
    'D1.count': 2, // −4
  });

  it('orders by points lost, with the reasons and a requirement', () => {
    const items = proposeItems(e);
    expect(items.map((i) => [i.indicatorCode, i.lost])).toEqual([
      ['B2', 12],
      ['A1', 10],
      ['A2', 5],
    ]);
    expect(items[1]!.indicatorPath).toBe('财政收入质量 › 税收收入占比');
    expect(items[1]!.title.zh).toBe('税收收入占比：失 10 分（得 10／20 分）');
    expect(items[1]!.requirement.zh).toContain('低于年度指标值 50%，扣 10 分');
    expect(items[1]!.requirement.zh).toContain('按期报送整改情况并附佐证材料');
  });

  it('takes deductions too, and as many items as asked', () => {
    const items = proposeItems(e, { maxItems: 10 });
    expect(items.map((i) => i.indicatorCode)).toEqual(['B2', 'A1', 'A2', 'D1']);
    expect(items[3]!.title.zh).toBe('违反财经纪律：扣 4 分');
    expect(proposeItems(e, { maxItems: 1 })).toHaveLength(1);
    expect(proposeItems(e, { minLost: 6 }).map((i) => i.indicatorCode)).toEqual(['B2', 'A1']);
  });

  it('proposes nothing for a full score', () => {
    const full = explain({
      'A1.actual': 80,
      'A2.actual': 20,
      'B1.actual': 99,
      'B2.level': 0,
      'B2.score': 30,
    });
    expect(full.total).toBe(100);
    expect(proposeItems(full)).toEqual([]);
  });
});

describe('selectSubjects', () => {
  const results = [
    { subjectId: 'a', grade: 'excellent', rank: 1 },
    { subjectId: 'b', grade: 'fair', rank: 2 },
    { subjectId: 'c', grade: 'low', rank: 3 },
    { subjectId: 'd', grade: 'poor', rank: 4 },
    { subjectId: 'e', grade: 'poor', rank: 4 },
    { subjectId: 'x', grade: 'incomplete', rank: null },
  ];
  it.each([
    [{}, ['d', 'e', 'c']],
    [{ grades: ['fair'] }, ['b']],
    [{ bottomN: 1 }, ['d', 'e']], // a tie at the edge is included
    [{ bottomN: 3 }, ['d', 'e', 'c']],
    [{ bottomN: 0 }, []],
  ])('%j → %j', (selection, ids) => {
    expect(selectSubjects(results, selection)).toEqual(ids);
  });
  it('reads configured defaults field by field', () => {
    expect(readNoticeDefaults({ grades: ['poor'], deadlineDays: 30, itemsPerSubject: 'x' })).toEqual({
      grades: ['poor'],
      bottomN: null,
      itemsPerSubject: 3,
      deadlineDays: 30,
    });
    expect(readNoticeDefaults(null).grades).toEqual(['low', 'poor']);
  });
});

describe('days', () => {
  it('counts days in China', () => {
    expect(chinaDay(new Date('2026-07-31T15:59:59Z'))).toBe('2026-07-31');
    expect(chinaDay(new Date('2026-07-31T16:00:00Z'))).toBe('2026-08-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('2026-02-28')).toBe(true);
  });
  it.each([
    ['open', '2026-07-30', '2026-07-31', true],
    ['returned', '2026-07-30', '2026-07-31', true],
    ['submitted', '2026-07-30', '2026-07-31', true],
    ['open', '2026-07-31', '2026-07-31', false], // the deadline day itself is not overdue
    ['accepted', '2026-07-01', '2026-07-31', false],
    ['closed', '2026-07-01', '2026-07-31', false],
  ] as const)('%s due %s on %s → overdue %s', (status, deadline, today, overdue) => {
    expect(isOverdue({ status, deadline }, today)).toBe(overdue);
  });
});

describe('the rectification workflow', () => {
  const owner: ItemParty = { isOwner: true, isIssuer: false, isSystem: false };
  const issuer: ItemParty = { isOwner: false, isIssuer: true, isSystem: false };
  const system: ItemParty = { isOwner: false, isIssuer: false, isSystem: true };

  it.each([
    ['open', 'submit', owner, 'submitted'],
    ['submitted', 'accept', issuer, 'accepted'],
    ['submitted', 'return', issuer, 'returned'],
    ['returned', 'submit', owner, 'submitted'],
    ['accepted', 'close', system, 'closed'],
  ] as const)('%s --%s--> %s', (from, event, party, to) => {
    expect(itemTransition(from, event, party)).toEqual({ ok: true, value: to });
  });

  it.each([
    ['open', 'accept', issuer, 'TRANSITION_NOT_ALLOWED'],
    ['accepted', 'submit', owner, 'TRANSITION_NOT_ALLOWED'],
    ['closed', 'return', issuer, 'TRANSITION_NOT_ALLOWED'],
    ['open', 'close', system, 'TRANSITION_NOT_ALLOWED'],
    ['submitted', 'accept', owner, 'FORBIDDEN'],
    ['open', 'submit', issuer, 'FORBIDDEN'],
    ['accepted', 'close', issuer, 'FORBIDDEN'],
  ] as const)('refuses %s --%s (%s)', (from, event, party, code) => {
    const r = itemTransition(from, event, party);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('lists what a party may do now', () => {
    expect(allowedEvents('submitted', issuer)).toEqual(['accept', 'return']);
    expect(allowedEvents('submitted', owner)).toEqual([]);
    expect(allowedEvents('returned', owner)).toEqual(['submit']);
  });

  it('knows owners and issuers', () => {
    const item = { ownerOrgId: 'org-nongan', issuerMofDivCode: '220000' };
    const perms = (...p: string[]) => new Set(p) as never;
    expect(
      partyOf(
        {
          organizationId: 'org-nongan',
          organizationIds: null,
          divisionCode: '220122',
          permissions: perms('ledger.submit', 'ledger.review'),
        },
        item,
      ),
    ).toEqual({ isOwner: true, isIssuer: false, isSystem: false });
    expect(
      partyOf(
        {
          organizationId: 'org-sheng',
          organizationIds: null,
          divisionCode: '220000',
          permissions: perms('ledger.review'),
        },
        item,
      ),
    ).toEqual({ isOwner: false, isIssuer: true, isSystem: false });
    // an organization-bound user of the issuing division is not its reviewer
    expect(
      partyOf(
        {
          organizationId: 'dept',
          organizationIds: ['dept'],
          divisionCode: '220000',
          permissions: perms('ledger.review', 'ledger.submit'),
        },
        item,
      ).isIssuer,
    ).toBe(false);
  });
});
