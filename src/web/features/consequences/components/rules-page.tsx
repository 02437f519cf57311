import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import type { ConsequenceRule, ConsequenceRuleSet, RulesView } from '../../../../contracts/consequences.ts';
import {
  BASE_KINDS,
  CONSEQUENCE_ACTIONS,
  parseRuleSet,
  type RuleProblem,
} from '../../../../core/consequences/rules.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText, isApiError } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { DEFAULT_GRADE_BANDS } from '../../../lib/grades.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useRules, useResetRules, useSaveRules } from '../api.ts';
import { consequenceMessages } from '../messages.ts';

const KINDS = ['division', 'department', 'finance_division'] as const;
type RankMode = 'none' | 'percent' | 'count';

const rankMode = (c: ConsequenceRule['when']['rankTop']): RankMode =>
  !c ? 'none' : c.percent !== undefined ? 'percent' : 'count';

let idSeq = 0;
const newRule = (): ConsequenceRule => ({
  id: `rule-${Date.now().toString(36)}-${++idSeq}`,
  label: '',
  when: { grades: ['poor'] },
  action: 'cut',
  ratio: 0.1,
  base: 'auto',
});

/** 结果应用 › 结果应用规则: grades and ranks → next-year budget consequences, per division and year. */
export default function RulesPage() {
  const t = useMessages(consequenceMessages);
  const { lang } = useLang();
  const scope = useScope();
  const { message } = App.useApp();
  const view = useRules(scope.divisionCode, scope.fiscalYear);
  const save = useSaveRules();
  const reset = useResetRules();
  const [draft, setDraft] = useState<ConsequenceRuleSet | null>(null);
  const [note, setNote] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [conflict, setConflict] = useState(false);

  const loaded = view.data;
  useEffect(() => {
    if (loaded) setDraft(loaded.ruleSet ?? { targetYearOffset: 1, rules: [] });
  }, [loaded]);

  const check = useMemo(() => (draft ? parseRuleSet(draft) : null), [draft]);
  const problems: readonly RuleProblem[] =
    check && !check.ok ? ((check.error.details as { problems: RuleProblem[] }).problems ?? []) : [];
  const problemsOf = (i: number) => problems.filter((p) => p.path.startsWith(`rules[${i}]`));
  const problemText = (p: RuleProblem) => (lang === 'en' ? p.messageEn : p.message);

  if (view.isError) {
    return (
      <>
        <PageHeader />
        <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
      </>
    );
  }
  if (!loaded || !draft) {
    return (
      <>
        <PageHeader />
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  }
  const editable = loaded.canEdit;
  const update = (i: number, patch: Partial<ConsequenceRule>) =>
    setDraft((d) => (d ? { ...d, rules: d.rules.map((r, k) => (k === i ? { ...r, ...patch } : r)) } : d));
  const updateWhen = (i: number, patch: Partial<ConsequenceRule['when']>) =>
    setDraft((d) => {
      if (!d) return d;
      return {
        ...d,
        rules: d.rules.map((r, k) => {
          if (k !== i) return r;
          const when = { ...r.when, ...patch };
          for (const key of Object.keys(when) as (keyof typeof when)[])
            if (when[key] === undefined) delete when[key];
          return { ...r, when };
        }),
      };
    });

  const doSave = async () => {
    setShowAll(true);
    setConflict(false);
    if (problems.length > 0) return;
    try {
      await save.mutateAsync({
        division: scope.divisionCode,
        year: scope.fiscalYear,
        version: loaded.version,
        rules: draft,
        note: note.trim() || null,
      });
      setNote('');
      setShowAll(false);
      void message.success(t('rules.saved'));
    } catch (e) {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') {
        setConflict(true);
        void view.refetch();
      } else void message.error(errorText(e, lang));
    }
  };

  const doReset = async () => {
    if (loaded.version === null) return;
    try {
      await reset.mutateAsync({
        division: scope.divisionCode,
        year: scope.fiscalYear,
        version: loaded.version,
      });
      void message.success(t('rules.resetDone'));
    } catch (e) {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') setConflict(true);
      void message.error(errorText(e, lang));
      void view.refetch();
    }
  };

  const rankEditor = (i: number, key: 'rankTop' | 'rankBottom', r: ConsequenceRule) => {
    const c = r.when[key];
    const mode = rankMode(c);
    return (
      <Space.Compact>
        <Select
          value={mode}
          disabled={!editable}
          style={{ width: 110 }}
          onChange={(m: RankMode) =>
            updateWhen(i, {
              [key]: m === 'none' ? undefined : m === 'percent' ? { percent: 10 } : { count: 3 },
            })
          }
          options={[
            { value: 'none', label: '—' },
            { value: 'percent', label: `${t(key === 'rankTop' ? 'rule.rankTop' : 'rule.rankBottom')} %` },
            { value: 'count', label: `${t(key === 'rankTop' ? 'rule.rankTop' : 'rule.rankBottom')} N` },
          ]}
          aria-label={t(key === 'rankTop' ? 'rule.rankTop' : 'rule.rankBottom')}
        />
        {mode !== 'none' ? (
          <InputNumber
            min={mode === 'percent' ? 0.1 : 1}
            max={mode === 'percent' ? 100 : 100_000}
            value={(mode === 'percent' ? c!.percent : c!.count) ?? null}
            disabled={!editable}
            style={{ width: 100 }}
            suffix={mode === 'percent' ? '%' : t('rule.count')}
            onChange={(v) =>
              updateWhen(i, { [key]: mode === 'percent' ? { percent: v ?? 0 } : { count: v ?? 0 } })
            }
          />
        ) : null}
      </Space.Compact>
    );
  };

  return (
    <>
      <PageHeader
        subtitle={t('rules.subtitle', { division: scope.divisionName, year: scope.fiscalYear })}
        extra={
          editable ? (
            <Space wrap>
              {loaded.canReset ? (
                <Popconfirm title={t('rules.resetConfirm')} onConfirm={() => void doReset()}>
                  <Button icon={<RollbackOutlined />} loading={reset.isPending}>
                    {t('rules.reset')}
                  </Button>
                </Popconfirm>
              ) : null}
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => void doSave()}
              >
                {t('rules.save')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Status view={loaded} />
        {!editable && !loaded.locked ? <Alert type="info" showIcon title={t('rules.readonly')} /> : null}
        {conflict ? <Alert type="warning" showIcon title={t('rules.conflict')} /> : null}
        {loaded.problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('rules.stored')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {loaded.problems.map((p) => (
                  <li key={p.path + p.message}>{problemText(p)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {showAll && problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('rules.problems')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p.path + p.message}>{problemText(p)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('rules.help')}
        </Typography.Paragraph>
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('rules.offset')}</span>
          <InputNumber
            min={0}
            max={5}
            value={draft.targetYearOffset}
            disabled={!editable}
            onChange={(v) => setDraft({ ...draft, targetYearOffset: v ?? 1 })}
            aria-label={t('rules.offset')}
          />
          <Typography.Text type="secondary">
            {t('rules.offsetValue', { n: draft.targetYearOffset })}（{scope.fiscalYear} →{' '}
            {scope.fiscalYear + draft.targetYearOffset}）
          </Typography.Text>
        </Space>
      </Card>
      {draft.rules.map((r, i) => {
        const own = problemsOf(i);
        const needsRatio = r.action === 'reward' || r.action === 'cut';
        return (
          <Card
            key={`${i}-${r.id}`}
            size="small"
            style={{ marginBottom: 12, ...(own.length > 0 ? { borderColor: '#ff7875' } : {}) }}
            title={
              <Space wrap>
                <Tag className="jx-num">{i + 1}</Tag>
                <Input
                  value={r.label}
                  disabled={!editable}
                  placeholder={t('rule.label')}
                  status={r.label.trim() ? '' : 'error'}
                  style={{ width: 420 }}
                  maxLength={200}
                  onChange={(e) => update(i, { label: e.target.value })}
                  aria-label={t('rule.label')}
                />
              </Space>
            }
            extra={
              editable ? (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => setDraft({ ...draft, rules: draft.rules.filter((_, k) => k !== i) })}
                >
                  {t('rule.delete')}
                </Button>
              ) : null
            }
          >
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))',
                gap: '12px 16px',
                alignItems: 'end',
              }}
            >
              <Field label={t('rule.kinds')}>
                <Select
                  mode="multiple"
                  allowClear
                  disabled={!editable}
                  placeholder={t('rule.kindsAll')}
                  value={r.subjectKinds ?? []}
                  onChange={(v: string[]) => update(i, { subjectKinds: v.length > 0 ? v : undefined })}
                  options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  style={{ width: '100%' }}
                />
              </Field>
              <Field label={t('rule.grades')}>
                <Select
                  mode="multiple"
                  allowClear
                  disabled={!editable}
                  value={r.when.grades ?? []}
                  onChange={(v: string[]) => updateWhen(i, { grades: v.length > 0 ? v : undefined })}
                  options={DEFAULT_GRADE_BANDS.map((b) => ({
                    value: b.code,
                    label: lang === 'en' ? b.labelEn : b.label,
                  }))}
                  style={{ width: '100%' }}
                />
              </Field>
              <Field label={t('rule.rankTop')}>{rankEditor(i, 'rankTop', r)}</Field>
              <Field label={t('rule.rankBottom')}>{rankEditor(i, 'rankBottom', r)}</Field>
              <Field label={t('rule.action')}>
                <Select
                  disabled={!editable}
                  value={r.action}
                  onChange={(a: ConsequenceRule['action']) =>
                    update(i, {
                      action: a,
                      ...(a === 'reward' || a === 'cut' ? { ratio: r.ratio ?? 0.05 } : { ratio: undefined }),
                    })
                  }
                  options={CONSEQUENCE_ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))}
                  style={{ width: '100%' }}
                />
              </Field>
              <Field label={t('rule.ratio')}>
                <InputNumber
                  disabled={!editable || !needsRatio}
                  min={0}
                  max={100}
                  step={0.5}
                  value={
                    needsRatio && r.ratio !== undefined ? Math.round(r.ratio * 1_000_000) / 10_000 : null
                  }
                  status={own.some((p) => p.path.endsWith('.ratio')) ? 'error' : ''}
                  onChange={(v) =>
                    update(i, { ratio: v === null ? undefined : Math.round(v * 10_000) / 1_000_000 })
                  }
                  suffix="%"
                  style={{ width: '100%' }}
                />
              </Field>
              <Field label={t('rule.base')}>
                <Select
                  disabled={!editable}
                  value={r.base ?? 'auto'}
                  onChange={(b: ConsequenceRule['base']) => update(i, { base: b })}
                  options={BASE_KINDS.map((b) => ({ value: b, label: t(`base.${b}`) }))}
                  style={{ width: '100%' }}
                  popupMatchSelectWidth={false}
                />
              </Field>
              <Field label={t('rule.accountability')}>
                <Switch
                  disabled={!editable}
                  checked={r.accountability === true}
                  onChange={(v) => update(i, { accountability: v ? true : undefined })}
                />
              </Field>
            </div>
            {own.length > 0 ? (
              <ul style={{ margin: '8px 0 0', paddingInlineStart: 20, color: '#cf1322' }}>
                {own.map((p) => (
                  <li key={p.path + p.message}>{problemText(p)}</li>
                ))}
              </ul>
            ) : null}
          </Card>
        );
      })}
      {editable ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => setDraft({ ...draft, rules: [...draft.rules, newRule()] })}
          >
            {t('rules.add')}
          </Button>
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={note}
            placeholder={t('rules.note')}
            onChange={(e) => setNote(e.target.value)}
            aria-label={t('rules.note')}
          />
        </Space>
      ) : null}
    </>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label style={{ display: 'block' }}>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', marginBottom: 4 }}>{label}</div>
      {children}
    </label>
  );
}

function Status({ view }: { view: RulesView }) {
  const t = useMessages(consequenceMessages);
  if (view.locked)
    return <Alert type="warning" showIcon title={t('rules.locked', { from: view.fromDivisionName ?? '' })} />;
  if (!view.ruleSet && view.problems.length === 0)
    return <Alert type="info" showIcon title={t('rules.none')} />;
  if (view.inherited)
    return <Alert type="info" showIcon title={t('rules.inherited', { from: view.fromDivisionName ?? '' })} />;
  return (
    <Alert
      type="success"
      showIcon
      title={t('rules.own', {
        version: view.version ?? 1,
        time: view.updatedAt ? formatDateTime(view.updatedAt) : '—',
      })}
    />
  );
}
