import { useMemo, useState } from 'react';
import { Button, Card, Skeleton, Space, Tabs, Typography } from 'antd';
import { ExperimentOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import type { RuleSet, SelfEvalContext } from '../../../../contracts/whatif.ts';
import { JILIN_FIVE_TIER, type GradeScheme } from '../../../../core/scoring/grades.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatCount } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import { useExportWhatIf, useSelfEvalContext, useWhatIf, type WhatIfRequest } from '../api.ts';
import { projectRules, sameRules, sameScheme } from '../edit.ts';
import { whatIfMessages } from '../messages.ts';
import { BandsEditor } from './bands-editor.tsx';
import { WhatIfResults, type TableState } from './results.tsx';
import { RulesEditor } from './rules-editor.tsx';
import { ChangedParts, ScenarioError } from './shared.tsx';

/** 项目自评结果情景模拟: every self-evaluation of the year re-graded, every project's next-year budget recomputed. */
export function SelfEvalTab() {
  const scope = useScope();
  const ctx = useSelfEvalContext(scope.divisionCode, scope.fiscalYear);
  if (ctx.isError) return <ErrorAlert error={ctx.error} onRetry={() => void ctx.refetch()} />;
  if (!ctx.data) return <Skeleton active />;
  return <Scenario ctx={ctx.data} />;
}

function Scenario({ ctx }: { ctx: SelfEvalContext }) {
  const t = useMessages(whatIfMessages);
  const { lang } = useLang();
  const scope = useScope();
  const emptyRules: RuleSet = useMemo(() => ({ targetYearOffset: 1, rules: [] }), []);
  const inForce = ctx.schemes[0]?.scheme ?? JILIN_FIVE_TIER;
  const [scheme, setScheme] = useState<GradeScheme>(inForce);
  const [rules, setRules] = useState<RuleSet>(ctx.rules ?? emptyRules);
  const [submitted, setSubmitted] = useState<
    Extract<WhatIfRequest, { kind: 'self_evaluation' }>['body'] | null
  >(null);
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 20, filter: 'changed' });
  const exporter = useExportWhatIf();
  const parts: ('scheme' | 'rules')[] = [
    ...(!sameScheme(scheme, inForce) ? (['scheme'] as const) : []),
    ...(!sameRules(rules, ctx.rules ?? emptyRules) ? (['rules'] as const) : []),
  ];
  const hasProjectRules = rules.rules.some((r) => !r.subjectKinds || r.subjectKinds.includes('project'));
  const request: WhatIfRequest | null = submitted
    ? { kind: 'self_evaluation', body: { ...submitted, ...table } }
    : null;
  const result = useWhatIf(request);

  const run = () => {
    setTable((x) => ({
      ...x,
      page: 1,
      ...(x.sort
        ? {}
        : hasProjectRules
          ? { sort: 'amountDelta', order: 'asc' }
          : { sort: 'gradeSteps', order: 'asc' }),
    }));
    setSubmitted({
      division: scope.divisionCode,
      year: scope.fiscalYear,
      scenario: {
        ...(parts.includes('scheme') ? { gradeScheme: scheme } : {}),
        ...(parts.includes('rules') ? { consequenceRules: rules } : {}),
      },
    });
  };
  const addProjectRules = () => {
    const labels = {
      fair: t('rules.project.fair'),
      low: t('rules.project.low'),
      poor: t('rules.project.poor'),
    };
    const ids = new Set(rules.rules.map((r) => r.id));
    setRules({ ...rules, rules: [...rules.rules, ...projectRules(labels).filter((r) => !ids.has(r.id))] });
  };

  return (
    <>
      <Card
        title={t('setup.title')}
        size="small"
        style={{ marginBottom: 16 }}
        styles={{ body: { paddingTop: 8 } }}
      >
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('setup.selfevalInfo', {
            division: ctx.division.name,
            year: ctx.fiscalYear,
            n: formatCount(ctx.selfEvaluations),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('setup.schemesInForce', {
            list: ctx.schemes
              .map((s) =>
                t('setup.schemeDivisions', {
                  name: lang === 'en' ? s.scheme.nameEn : s.scheme.name,
                  n: s.divisions,
                }),
              )
              .join(lang === 'en' ? '; ' : '；'),
          })}
        </Typography.Paragraph>
        <Tabs
          items={[
            {
              key: 'bands',
              label: t('edit.bands'),
              children: (
                <BandsEditor baseline={inForce} value={scheme} presets={ctx.presets} onChange={setScheme} />
              ),
            },
            {
              key: 'rules',
              label: t('edit.rules'),
              children: (
                <>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                    {ctx.rulesFrom ? t('rules.from', { division: ctx.rulesFrom.name }) : t('rules.none')}
                  </Typography.Paragraph>
                  <RulesEditor
                    baseline={ctx.rules}
                    value={rules}
                    scheme={scheme}
                    kinds={['project']}
                    onChange={setRules}
                    extra={
                      <Button size="small" icon={<PlusOutlined />} onClick={addProjectRules}>
                        {t('rules.addProject')}
                      </Button>
                    }
                  />
                </>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <Button type="primary" icon={<ExperimentOutlined />} onClick={run} loading={result.isFetching}>
            {t('setup.run')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              setScheme(inForce);
              setRules(ctx.rules ?? emptyRules);
            }}
            disabled={parts.length === 0}
          >
            {t('setup.reset')}
          </Button>
          <ChangedParts parts={parts} />
        </Space>
      </Card>
      {result.isError ? <ScenarioError error={result.error} /> : null}
      {result.data && submitted ? (
        <WhatIfResults
          result={result.data}
          loading={result.isFetching}
          table={table}
          onTable={setTable}
          exporting={exporter.isPending}
          onExport={() => request && exporter.mutate({ request, lang })}
        />
      ) : !result.isError ? (
        <EmptyState description={result.isFetching ? t('result.running') : t('result.empty')} />
      ) : null}
    </>
  );
}
