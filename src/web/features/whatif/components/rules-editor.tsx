import { useMemo } from 'react';
import { Alert, Button, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { BASE_KINDS, CONSEQUENCE_ACTIONS, parseRuleSet } from '../../../../core/consequences/rules.ts';
import type { GradeScheme } from '../../../../core/scoring/grades.ts';
import type { RuleSet } from '../../../../contracts/whatif.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { freshRuleId, sameRules } from '../edit.ts';
import { whatIfMessages, type WhatIfMessageKey } from '../messages.ts';

type Rule = RuleSet['rules'][number];

const SUBJECT_KINDS = [
  'division',
  'department',
  'finance_division',
  'fund',
  'asset_class',
  'revenue_item',
  'project',
];
const ratioOf = (pct: number) => Math.round(pct * 10_000) / 1_000_000;
const pctOf = (ratio: number | undefined) =>
  ratio === undefined ? null : Math.round(ratio * 1_000_000) / 10_000;

/**
 * 奖惩规则: the scenario's consequence rules as a table — who a rule applies to, the grades and/or rank
 * it looks at, the action, its ratio (%) and base, accountability — with every problem listed as you type
 * (the consequences core's own checks). Rows the scenario changed are marked.
 */
export function RulesEditor({
  baseline,
  value,
  scheme,
  kinds,
  onChange,
  extra,
}: {
  baseline: RuleSet | null;
  value: RuleSet;
  scheme: GradeScheme;
  /** Subject kinds offered (all when left out). */
  kinds?: readonly string[];
  onChange: (rules: RuleSet) => void;
  extra?: React.ReactNode;
}) {
  const t = useMessages(whatIfMessages);
  const { lang } = useLang();
  const problems = useMemo(() => {
    const r = parseRuleSet(value);
    return r.ok
      ? []
      : ((r.error.details as { problems?: { message: string; messageEn: string }[] } | undefined)?.problems ??
          []);
  }, [value]);
  const before = new Map((baseline?.rules ?? []).map((r) => [r.id, r]));
  const set = (k: number, patch: Partial<Rule>) =>
    onChange({
      ...value,
      rules: value.rules.map((r, i) => {
        if (i !== k) return r;
        const next: Record<string, unknown> = { ...r, ...patch };
        for (const [key, v] of Object.entries(patch)) if (v === undefined) delete next[key];
        return next as Rule;
      }),
    });
  const setWhen = (k: number, when: Rule['when']) => {
    const clean: Record<string, unknown> = { ...when };
    for (const [key, v] of Object.entries(clean)) if (v === undefined) delete clean[key];
    set(k, { when: clean as Rule['when'] });
  };
  const kindOptions = (kinds ?? SUBJECT_KINDS).map((k) => ({
    value: k,
    label: t(`subjectKind.${k}` as WhatIfMessageKey),
  }));

  const columns: ColumnsType<Rule & { k: number }> = [
    {
      key: 'label',
      title: t('rules.label'),
      width: 260,
      render: (_: unknown, r) => (
        <Input
          size="small"
          value={lang === 'en' ? (r.labelEn ?? r.label) : r.label}
          onChange={(e) => set(r.k, lang === 'en' ? { labelEn: e.target.value } : { label: e.target.value })}
          aria-label={t('rules.label')}
        />
      ),
    },
    {
      key: 'kinds',
      title: t('rules.kinds'),
      width: 170,
      render: (_: unknown, r) => (
        <Select<string[]>
          size="small"
          mode="multiple"
          allowClear
          style={{ width: '100%' }}
          placeholder={t('rules.kinds.all')}
          value={r.subjectKinds ?? []}
          options={kindOptions}
          onChange={(v) => set(r.k, { subjectKinds: v.length > 0 ? v : undefined })}
          aria-label={t('rules.kinds')}
        />
      ),
    },
    {
      key: 'when',
      title: t('rules.when'),
      width: 330,
      render: (_: unknown, r) => {
        const rank = r.when.rankTop ? 'top' : r.when.rankBottom ? 'bottom' : 'none';
        const cond = r.when.rankTop ?? r.when.rankBottom;
        const unit = cond?.count !== undefined ? 'count' : 'percent';
        const amount = cond?.count ?? cond?.percent ?? 10;
        const rankWhen = (mode: string, u: string, n: number) =>
          mode === 'none'
            ? { rankTop: undefined, rankBottom: undefined }
            : {
                rankTop: mode === 'top' ? (u === 'count' ? { count: n } : { percent: n }) : undefined,
                rankBottom: mode === 'bottom' ? (u === 'count' ? { count: n } : { percent: n }) : undefined,
              };
        return (
          <Space size={4} wrap>
            <Select<string[]>
              size="small"
              mode="multiple"
              allowClear
              style={{ minWidth: 130 }}
              placeholder={t('rules.grades')}
              value={r.when.grades ?? []}
              options={scheme.bands.map((b) => ({
                value: b.code,
                label: lang === 'en' ? b.labelEn : b.label,
              }))}
              onChange={(v) => setWhen(r.k, { ...r.when, grades: v.length > 0 ? v : undefined })}
              aria-label={t('rules.grades')}
            />
            <Select<string>
              size="small"
              style={{ width: 96 }}
              value={rank}
              options={[
                { value: 'none', label: t('rules.rank.none') },
                { value: 'top', label: t('rules.rank.top') },
                { value: 'bottom', label: t('rules.rank.bottom') },
              ]}
              onChange={(v) => setWhen(r.k, { ...r.when, ...rankWhen(v, unit, amount) })}
              aria-label={t('rules.rank')}
            />
            {rank !== 'none' ? (
              <>
                <InputNumber
                  size="small"
                  min={1}
                  style={{ width: 64 }}
                  value={amount}
                  onChange={(v) => v !== null && setWhen(r.k, { ...r.when, ...rankWhen(rank, unit, v) })}
                />
                <Select<string>
                  size="small"
                  style={{ width: 70 }}
                  value={unit}
                  options={[
                    { value: 'percent', label: t('rules.rank.percent') },
                    { value: 'count', label: t('rules.rank.count') },
                  ]}
                  onChange={(u) => setWhen(r.k, { ...r.when, ...rankWhen(rank, u, amount) })}
                />
              </>
            ) : null}
          </Space>
        );
      },
    },
    {
      key: 'action',
      title: t('rules.action'),
      width: 150,
      render: (_: unknown, r) => (
        <Select<string>
          size="small"
          style={{ width: '100%' }}
          value={r.action}
          options={CONSEQUENCE_ACTIONS.map((a) => ({
            value: a,
            label: t(`action.${a}` as WhatIfMessageKey),
          }))}
          onChange={(a) =>
            set(r.k, {
              action: a,
              ratio: a === 'reward' || a === 'cut' ? (r.ratio ?? 0.05) : undefined,
            })
          }
          aria-label={t('rules.action')}
        />
      ),
    },
    {
      key: 'ratio',
      title: t('rules.ratio'),
      width: 110,
      onCell: (r) => {
        const was = before.get(r.id);
        return was && was.ratio !== r.ratio ? { style: { background: '#fffbe6' } } : {};
      },
      render: (_: unknown, r) =>
        r.action === 'reward' || r.action === 'cut' ? (
          <InputNumber
            size="small"
            min={0}
            max={100}
            step={1}
            style={{ width: 90 }}
            value={pctOf(r.ratio)}
            onChange={(v) => v !== null && set(r.k, { ratio: ratioOf(v) })}
            suffix="%"
            aria-label={t('rules.ratio')}
          />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'base',
      title: t('rules.base'),
      width: 150,
      render: (_: unknown, r) => (
        <Select<string>
          size="small"
          style={{ width: '100%' }}
          value={r.base ?? 'auto'}
          options={BASE_KINDS.map((b) => ({ value: b, label: t(`base.${b}` as WhatIfMessageKey) }))}
          onChange={(b) => set(r.k, { base: b === 'auto' ? undefined : b })}
          popupMatchSelectWidth={false}
          aria-label={t('rules.base')}
        />
      ),
    },
    {
      key: 'accountability',
      title: t('rules.accountability'),
      width: 70,
      align: 'center',
      render: (_: unknown, r) => (
        <Switch
          size="small"
          checked={r.accountability === true}
          onChange={(v) => set(r.k, { accountability: v || undefined })}
          aria-label={t('rules.accountability')}
        />
      ),
    },
    {
      key: 'remove',
      title: '',
      width: 44,
      render: (_: unknown, r) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('rules.remove')}
          onClick={() => onChange({ ...value, rules: value.rules.filter((_x, i) => i !== r.k) })}
        />
      ),
    },
  ];

  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <span>{t('rules.offset')}</span>
        <InputNumber
          size="small"
          min={0}
          max={5}
          style={{ width: 64 }}
          value={value.targetYearOffset}
          onChange={(v) => v !== null && onChange({ ...value, targetYearOffset: v })}
        />
        <span>{t('rules.offsetSuffix')}</span>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            onChange({
              ...value,
              rules: [
                ...value.rules,
                {
                  id: freshRuleId(value.rules),
                  label: t('rules.newLabel'),
                  ...(kinds && kinds.length === 1 ? { subjectKinds: [...kinds] } : {}),
                  when: { grades: ['poor'] },
                  action: 'cut',
                  ratio: 0.05,
                },
              ],
            })
          }
        >
          {t('rules.add')}
        </Button>
        {extra}
        {!sameRules(baseline, value) ? <Typography.Text type="warning">●</Typography.Text> : null}
      </Space>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('rules.problems', {
            list: problems
              .map((p) => (lang === 'en' ? p.messageEn : p.message))
              .join(lang === 'en' ? '; ' : '；'),
          })}
        />
      ) : null}
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={value.rules.map((r, k) => ({ ...r, k }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
