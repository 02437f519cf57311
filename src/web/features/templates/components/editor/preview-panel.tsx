import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { CalculatorOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { NodeExplanation, Preview } from '../../../../../contracts/templates.ts';
import type { TemplateDefinition } from '../../../../../core/indicators/types.ts';
import type { EvaluationPlan } from '../../../../../core/scoring/compile-template.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { GradeTag } from '../../../../components/grade-tag.tsx';
import { formatScore } from '../../../../lib/format.ts';
import { useLang, useMessages } from '../../../../lib/i18n.tsx';
import { usePreview } from '../../api.ts';
import { templateMessages } from '../../messages.ts';

type Sample = Record<string, number | null>;

interface InputRow {
  readonly key: string;
  readonly leafCode: string;
  readonly leafName: string;
  readonly path: string;
  readonly label: string;
  readonly optional: boolean;
  /** Qualitative levels to choose from (for `level` inputs). */
  readonly levels: readonly { label: string; labelEn?: string | undefined }[] | null;
  readonly unit: string | undefined;
}

/**
 * 试算: sample inputs for every leaf input (labels from the plan's InputSpec), then the total, the grade and
 * the explanation tree — rule, computation with the sample's numbers, and why points were lost.
 */
export function PreviewPanel({
  plan,
  definition,
  fiscalYear,
  division,
  versionId,
}: {
  plan: EvaluationPlan | null;
  definition: TemplateDefinition;
  fiscalYear: number;
  division: string;
  versionId: string;
}) {
  const t = useMessages(templateMessages);
  const { lang } = useLang();
  const [samples, setSamples] = useState<Sample[]>([{}]);
  const preview = usePreview();

  const rows = useMemo<InputRow[]>(() => {
    if (!plan) return [];
    return plan.inputs.map((spec) => {
      const node = plan.nodes[plan.byCode.get(spec.leafCode)!]!;
      const leaf = node.leaf;
      const source = node.source;
      return {
        key: spec.key,
        leafCode: spec.leafCode,
        leafName: lang === 'en' && node.nameEn ? node.nameEn : node.name,
        path: node.path,
        label: lang === 'en' ? spec.labelEn : spec.label,
        optional: spec.optional,
        levels: spec.name === 'level' && leaf?.levels ? leaf.levels : null,
        unit:
          source.type === 'leaf' && spec.name !== 'level' && spec.name !== 'score' ? source.unit : undefined,
      };
    });
  }, [plan, lang]);

  if (!plan) return <Alert type="warning" showIcon title={t('preview.invalid')} />;

  const setValue = (i: number, key: string, value: number | null) =>
    setSamples((s) => s.map((x, k) => (k === i ? { ...x, [key]: value } : x)));

  const run = () =>
    preview.mutate({
      definition,
      fiscalYear,
      division,
      versionId,
      samples: samples.map((s, i) => ({ label: t('preview.sample', { n: i + 1 }), inputs: s })),
    });

  // one row per leaf input; the leaf's name spans its inputs
  const firstOfLeaf = new Set<string>();
  const spans = new Map<string, number>();
  for (const r of rows) {
    if (!spans.has(r.leafCode)) firstOfLeaf.add(r.key);
    spans.set(r.leafCode, (spans.get(r.leafCode) ?? 0) + 1);
  }

  return (
    <div className="jx-tpl-preview">
      <Typography.Paragraph type="secondary">{t('preview.hint')}</Typography.Paragraph>
      <Table<InputRow>
        size="small"
        rowKey="key"
        pagination={false}
        bordered
        scroll={{ x: 'max-content', y: 420 }}
        dataSource={rows}
        columns={[
          {
            key: 'leaf',
            title: t('preview.indicator'),
            width: 260,
            onCell: (r) => ({ rowSpan: firstOfLeaf.has(r.key) ? (spans.get(r.leafCode) ?? 1) : 0 }),
            render: (_v, r) => (
              <div>
                <div>{r.leafName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.path}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'input',
            title: t('preview.input'),
            width: 170,
            render: (_v, r) => (
              <span>
                {r.label}
                {r.unit ? `（${r.unit}）` : ''}
                {r.optional ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('preview.optional')}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          ...samples.map((s, i) => ({
            key: `s${i}`,
            title: (
              <Space size={4}>
                {t('preview.sample', { n: i + 1 })}
                {samples.length > 1 ? (
                  <Button
                    size="small"
                    type="text"
                    aria-label={t('preview.removeSample')}
                    icon={<DeleteOutlined />}
                    onClick={() => setSamples((x) => x.filter((_, k) => k !== i))}
                  />
                ) : null}
              </Space>
            ),
            width: 170,
            render: (_v: unknown, r: InputRow) =>
              r.levels ? (
                <Select
                  allowClear
                  placeholder={t('preview.levelPlaceholder')}
                  value={s[r.key] ?? undefined}
                  onChange={(v?: number) => setValue(i, r.key, v ?? null)}
                  options={r.levels.map((l, k) => ({
                    value: k,
                    label: lang === 'en' && l.labelEn ? l.labelEn : l.label,
                  }))}
                  style={{ width: 160 }}
                  popupMatchSelectWidth={false}
                />
              ) : (
                <InputNumber
                  value={s[r.key] ?? null}
                  onChange={(v) => setValue(i, r.key, typeof v === 'number' ? v : null)}
                  style={{ width: 140 }}
                />
              ),
          })),
        ]}
      />
      <Space style={{ margin: '12px 0' }}>
        <Button type="primary" icon={<CalculatorOutlined />} loading={preview.isPending} onClick={run}>
          {t('preview.run')}
        </Button>
        <Button
          icon={<PlusOutlined />}
          disabled={samples.length >= 5}
          onClick={() => setSamples((s) => [...s, {}])}
        >
          {t('preview.addSample')}
        </Button>
      </Space>
      {preview.isError ? <ErrorAlert error={preview.error} style={{ marginBottom: 12 }} /> : null}
      {preview.data ? (
        <PreviewResults data={preview.data} />
      ) : (
        <Typography.Paragraph type="secondary">{t('preview.empty')}</Typography.Paragraph>
      )}
    </div>
  );
}

function PreviewResults({ data }: { data: Preview }) {
  const t = useMessages(templateMessages);
  const { lang } = useLang();
  const pickText = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const items = data.results.map((r, i) => {
    const e = r.explanation;
    return {
      key: String(i),
      label: r.label,
      children: (
        <div>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col>
              <Card size="small">
                <Statistic
                  title={t('preview.total')}
                  value={formatScore(e.total)}
                  suffix={`/ ${formatScore(e.maxScore)}`}
                />
              </Card>
            </Col>
            <Col>
              <Card size="small">
                <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 8 }}>{t('preview.grade')}</div>
                {e.grade ? (
                  <GradeTag grade={e.grade.code} label={e.grade.label} color={e.grade.color} />
                ) : (
                  '—'
                )}
                <div style={{ marginTop: 8, fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                  {t('preview.scheme', {
                    name: lang === 'en' ? data.gradeScheme.nameEn : data.gradeScheme.name,
                  })}
                </div>
              </Card>
            </Col>
            <Col flex="auto">
              <Card size="small">
                <div className="jx-num">
                  {t('preview.base', { base: formatScore(e.base) })} ·{' '}
                  {t('preview.adjustments', { adj: formatScore(e.adjustments) })}
                </div>
                {e.notes.map((n, k) => (
                  <div key={k} style={{ marginTop: 4 }}>
                    {pickText(n)}
                  </div>
                ))}
              </Card>
            </Col>
          </Row>
          <Table<NodeExplanation>
            size="small"
            rowKey="code"
            pagination={false}
            bordered
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 'max-content' }}
            dataSource={e.nodes}
            columns={[
              {
                key: 'name',
                title: t('preview.col.node'),
                width: 300,
                render: (_v, n) => (
                  <span>
                    {lang === 'en' && n.nameEn ? n.nameEn : n.name}{' '}
                    <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
                      {n.code}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                key: 'weight',
                title: t('preview.col.weight'),
                width: 80,
                align: 'right',
                render: (_v, n) => <span className="jx-num">{formatScore(n.weight)}</span>,
              },
              {
                key: 'points',
                title: t('preview.col.points'),
                width: 110,
                align: 'right',
                render: (_v, n) =>
                  n.applicable ? (
                    <span className="jx-num" style={{ fontWeight: 500 }}>
                      {formatScore(n.points)}
                    </span>
                  ) : (
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {t('preview.notApplicable')}
                    </Typography.Text>
                  ),
              },
              {
                key: 'lost',
                title: t('preview.col.lost'),
                width: 80,
                align: 'right',
                render: (_v, n) =>
                  n.applicable && n.lost > 0 ? (
                    <Typography.Text type="danger" className="jx-num">
                      {formatScore(n.lost)}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
              {
                key: 'computation',
                title: t('preview.col.computation'),
                width: 420,
                render: (_v, n) => (
                  <div style={{ whiteSpace: 'normal', minWidth: 300 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {pickText(n.rule)}
                    </Typography.Text>
                    <div>{pickText(n.computation)}</div>
                  </div>
                ),
              },
              {
                key: 'reasons',
                title: t('preview.col.reasons'),
                width: 240,
                render: (_v, n) =>
                  n.reasons.length > 0 ? (
                    <div style={{ whiteSpace: 'normal', minWidth: 180 }}>
                      {n.reasons.map((r, k) => (
                        <div key={k}>{pickText(r)}</div>
                      ))}
                    </div>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </div>
      ),
    };
  });
  return <Tabs items={items} />;
}
