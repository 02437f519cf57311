import { useMemo, useState } from 'react';
import { Button, Card, Col, Form, Row, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { ExperimentOutlined, UndoOutlined } from '@ant-design/icons';
import type { ScorecardContext, RuleSet } from '../../../../contracts/whatif.ts';
import type { TemplateDefinition } from '../../../../core/indicators/types.ts';
import type { GradeScheme } from '../../../../core/scoring/grades.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope } from '../../../lib/scope.tsx';
import {
  useBaselineVersions,
  useDraftVersion,
  useExportWhatIf,
  useScorecardContext,
  useWhatIf,
  type WhatIfRequest,
} from '../api.ts';
import { sameDefinition, sameRules, sameScheme } from '../edit.ts';
import { whatIfMessages } from '../messages.ts';
import { BandsEditor } from './bands-editor.tsx';
import { WhatIfResults, type TableState } from './results.tsx';
import { RulesEditor } from './rules-editor.tsx';
import { ChangedParts, ScenarioError } from './shared.tsx';
import { TemplateEditor } from './template-editor.tsx';

type Source = 'auto' | 'run' | 'inputs';

/** 综合评价情景模拟: choose the published version (and a draft to start from), edit, run, compare. */
export function ScorecardTab({
  initialVersionId,
  initialDraftId,
}: {
  initialVersionId: string | null;
  initialDraftId: string | null;
}) {
  const t = useMessages(whatIfMessages);
  const pick = usePick();
  const scope = useScope();
  const versions = useBaselineVersions(scope.divisionCode, scope.fiscalYear);
  const [chosen, setChosen] = useState<string | null>(initialVersionId);
  const list = versions.data ?? [];
  const versionId =
    chosen && list.some((v) => v.id === chosen)
      ? chosen
      : ((list.find((v) => v.subjectKind === 'county_fiscal') ?? list[0])?.id ?? null);
  const [source, setSource] = useState<Source>('auto');
  const [start, setStart] = useState<string>(initialDraftId ?? 'current');
  const ctx = useScorecardContext(versionId, scope.divisionCode);
  const draftId = start !== 'current' && ctx.data?.drafts.some((d) => d.id === start) ? start : null;
  const draft = useDraftVersion(draftId);

  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  if (versions.isLoading) return <Skeleton active />;
  if (list.length === 0) {
    return <EmptyState description={t('setup.noVersions', { year: scope.fiscalYear })} />;
  }

  return (
    <>
      <Card title={t('setup.title')} size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Form.Item label={t('setup.version')} style={{ marginBottom: 8 }}>
                <Select<string>
                  value={versionId}
                  placeholder={t('setup.versionPlaceholder')}
                  onChange={(v) => {
                    setChosen(v);
                    setStart('current');
                  }}
                  options={list.map((v) => ({
                    value: v.id,
                    label: t('setup.version.option', {
                      template: pick({ zh: v.templateName, en: v.templateNameEn }),
                      year: v.fiscalYear,
                      version: v.versionNo,
                    }),
                  }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={7}>
              <Form.Item label={t('setup.source')} style={{ marginBottom: 8 }}>
                <Select<Source>
                  value={source}
                  onChange={setSource}
                  options={(['auto', 'run', 'inputs'] as const).map((s) => ({
                    value: s,
                    label: t(`setup.source.${s}`),
                    disabled: s === 'run' && !ctx.data?.latestRun,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={7}>
              <Form.Item label={t('setup.start')} style={{ marginBottom: 8 }}>
                <Select<string>
                  value={draftId ?? 'current'}
                  onChange={setStart}
                  options={[
                    { value: 'current', label: t('setup.start.current') },
                    ...(ctx.data?.drafts ?? []).map((d) => ({
                      value: d.id,
                      label: t('setup.start.draft', { year: d.fiscalYear, version: d.versionNo }),
                    })),
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {ctx.data ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ctx.data.latestRun
              ? t('setup.runInfo', {
                  name: ctx.data.latestRun.name ?? '',
                  time: formatDateTime(ctx.data.latestRun.finishedAt),
                  n: ctx.data.latestRun.subjects,
                })
              : t('setup.noRun')}
          </Typography.Text>
        ) : null}
      </Card>
      {ctx.isError ? <ErrorAlert error={ctx.error} onRetry={() => void ctx.refetch()} /> : null}
      {ctx.data && (!draftId || draft.data) ? (
        <Scenario
          key={`${ctx.data.version.id}/${draftId ?? 'current'}`}
          ctx={ctx.data}
          source={source}
          draftId={draftId}
          start={draft.data?.version.definition ?? ctx.data.version.definition}
          startScheme={draft.data?.version.gradeScheme ?? null}
        />
      ) : ctx.isLoading || draft.isLoading ? (
        <Skeleton active />
      ) : null}
    </>
  );
}

/** The editors of one baseline (and starting draft), the run button and the answer. */
function Scenario({
  ctx,
  source,
  draftId,
  start,
  startScheme,
}: {
  ctx: ScorecardContext;
  source: Source;
  draftId: string | null;
  start: TemplateDefinition;
  startScheme: GradeScheme | null;
}) {
  const t = useMessages(whatIfMessages);
  const { lang } = useLang();
  const scope = useScope();
  const emptyRules: RuleSet = useMemo(() => ({ targetYearOffset: 1, rules: [] }), []);
  const [def, setDef] = useState<TemplateDefinition>(start);
  const [scheme, setScheme] = useState<GradeScheme>(startScheme ?? ctx.scheme);
  const [rules, setRules] = useState<RuleSet>(ctx.rules ?? emptyRules);
  const [submitted, setSubmitted] = useState<Extract<WhatIfRequest, { kind: 'scorecard' }>['body'] | null>(
    null,
  );
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 20, filter: 'all' });
  const exporter = useExportWhatIf();

  const baselineDef = ctx.version.definition;
  const parts: ('template' | 'scheme' | 'rules')[] = [
    ...(draftId !== null || !sameDefinition(def, baselineDef) ? (['template'] as const) : []),
    ...(!sameScheme(scheme, ctx.scheme) ? (['scheme'] as const) : []),
    ...(!sameRules(rules, ctx.rules ?? emptyRules) ? (['rules'] as const) : []),
  ];

  const request: WhatIfRequest | null = submitted
    ? { kind: 'scorecard', body: { ...submitted, ...table } }
    : null;
  const result = useWhatIf(request);

  const run = () => {
    const scenario = {
      ...(draftId ? { draftVersionId: draftId } : {}),
      ...(!sameDefinition(def, start) || (draftId === null && !sameDefinition(def, baselineDef))
        ? { definition: def }
        : {}),
      ...(parts.includes('scheme') ? { gradeScheme: scheme } : {}),
      ...(parts.includes('rules') ? { consequenceRules: rules } : {}),
    };
    setTable((x) => ({ ...x, page: 1 }));
    setSubmitted({ versionId: ctx.version.id, division: scope.divisionCode, source, scenario });
  };
  const reset = () => {
    setDef(start);
    setScheme(startScheme ?? ctx.scheme);
    setRules(ctx.rules ?? emptyRules);
  };

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'template',
              label: t('edit.template'),
              children: <TemplateEditor baseline={baselineDef} value={def} onChange={setDef} />,
            },
            {
              key: 'bands',
              label: t('edit.bands'),
              children: (
                <BandsEditor
                  baseline={ctx.scheme}
                  value={scheme}
                  presets={ctx.presets}
                  onChange={setScheme}
                />
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
                  <RulesEditor baseline={ctx.rules} value={rules} scheme={scheme} onChange={setRules} />
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
            onClick={reset}
            disabled={
              parts.length === 0 || (parts.length === 1 && draftId !== null && sameDefinition(def, start))
            }
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
