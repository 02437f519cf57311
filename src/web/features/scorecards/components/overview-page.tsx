import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Modal,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { TableOutlined, ThunderboltOutlined, FormOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { CatalogueItem, ScoreAllReport } from '../../../../contracts/scorecards.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { GradeTag } from '../../../components/grade-tag.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { formatCount, formatDate, formatScore } from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useCan, useSession } from '../../../lib/session.tsx';
import { useCatalogue, useScoreAll } from '../api.ts';
import { scorecardMessages } from '../messages.ts';
import { VersionLink } from './version-link.tsx';

/** 综合评价总览: every scorecard of the year with its latest results, and 一键评分 for all of them. */
export default function OverviewPage() {
  const t = useMessages(scorecardMessages);
  const { lang } = useLang();
  const scope = useScope();
  const can = useCan();
  const me = useSession();
  const { message } = App.useApp();
  const catalogue = useCatalogue(scope.divisionCode, scope.fiscalYear);
  const scoreAll = useScoreAll();
  const [confirming, setConfirming] = useState(false);
  const [report, setReport] = useState<ScoreAllReport | null>(null);
  // organization-bound roles (departments, units, agencies) do not score
  const mayScore =
    can('scoring.run') &&
    !me.user.roles.some((r) => ['budget_department', 'budget_unit', 'agency'].includes(r));

  const run = () =>
    scoreAll.mutate(
      { division: scope.divisionCode, year: scope.fiscalYear },
      {
        onSuccess: (r) => {
          setConfirming(false);
          setReport(r);
          void message.success(t('overview.done', { runs: r.runs.length, subjects: r.subjects }));
        },
        onError: (e) => {
          setConfirming(false);
          void message.error(errorText(e, lang));
        },
      },
    );

  return (
    <>
      <PageHeader
        subtitle={t('overview.subtitle', { division: scope.divisionName, year: scope.fiscalYear })}
        extra={
          mayScore ? (
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              loading={scoreAll.isPending}
              onClick={() => setConfirming(true)}
              disabled={!catalogue.data || catalogue.data.length === 0}
            >
              {t('overview.scoreAll')}
            </Button>
          ) : null
        }
      />
      {catalogue.isError ? (
        <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : null}
      {report ? <ReportCard report={report} onClose={() => setReport(null)} /> : null}
      {!catalogue.data ? (
        catalogue.isError ? null : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )
      ) : catalogue.data.length === 0 ? (
        <Card>
          <EmptyState description={t('overview.empty', { year: scope.fiscalYear })} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {catalogue.data.map((item) => (
            <Col key={item.versionId} xs={24} lg={12} xxl={8}>
              <ScorecardCard item={item} mayScore={mayScore} />
            </Col>
          ))}
        </Row>
      )}
      <Modal
        open={confirming}
        title={t('overview.scoreAllConfirm', { division: scope.divisionName, year: scope.fiscalYear })}
        okText={t('overview.scoreAllOk')}
        cancelText={t('overview.cancel')}
        confirmLoading={scoreAll.isPending}
        onOk={run}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>
          {t('overview.scoreAllHint', { division: scope.divisionName, year: scope.fiscalYear })}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

function ScorecardCard({ item, mayScore }: { item: CatalogueItem; mayScore: boolean }) {
  const t = useMessages(scorecardMessages);
  const pick = usePick();
  const { lang } = useLang();
  const href = useScopedHref();
  const run = item.run;
  const kindKey = `overview.kind.${item.subjectKind}` as 'overview.kind.other';
  return (
    <Card
      className="jx-scorecard-card"
      title={
        <Space size={8} wrap>
          <span>{pick({ zh: item.templateName, en: item.templateNameEn })}</span>
          <Tag style={{ marginInlineEnd: 0 }}>{t(kindKey)}</Tag>
        </Space>
      }
      extra={
        <VersionLink versionId={item.versionId} fiscalYear={item.fiscalYear} versionNo={item.versionNo} />
      }
      styles={{ body: { paddingTop: 12 }, title: { whiteSpace: 'normal', padding: '10px 0' } }}
      actions={[
        run ? (
          <Link key="table" to={href(`/portraits/overview/runs/${run.id}`)}>
            <TableOutlined /> {t('overview.table')}
          </Link>
        ) : (
          <Typography.Text key="table" type="secondary">
            <TableOutlined /> {t('overview.table')}
          </Typography.Text>
        ),
        <Link key="inputs" to={href(`/portraits/scoring/inputs?version=${item.versionId}`)}>
          <FormOutlined /> {t('overview.inputs')}
        </Link>,
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
        {t('overview.owner', { owner: item.ownerDivisionName })} · {t('overview.firstLevel')}
        {lang === 'en' ? ': ' : '：'}
        {item.firstLevel
          .map(
            (f) =>
              `${pick({ zh: f.name, en: f.nameEn })} ${f.category === 'deduction' ? '−' : f.category === 'bonus' ? '+' : ''}${formatScore(f.weight).replace(/\.00$/, '')}`,
          )
          .join(lang === 'en' ? '; ' : '；')}
      </Typography.Paragraph>
      {run ? (
        <>
          <Row gutter={12}>
            <Col span={8}>
              <Statistic
                title={t('overview.visible')}
                value={formatCount(run.visible)}
                suffix={
                  run.visible !== run.subjectCount ? (
                    <span style={{ fontSize: 12 }}>/ {formatCount(run.subjectCount)}</span>
                  ) : undefined
                }
              />
            </Col>
            <Col span={8}>
              <Statistic title={t('overview.result.ranked')} value={formatCount(run.ranked)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('overview.average')} value={formatScore(run.averageTotal)} />
            </Col>
          </Row>
          <div style={{ margin: '12px 0 4px', display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {run.gradeCounts.map((g) => (
              <Tooltip key={g.grade} title={`${lang === 'en' ? g.labelEn : g.label}: ${g.count}`}>
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                  {g.grade === 'incomplete' ? (
                    <Tag style={{ marginInlineEnd: 0 }}>{lang === 'en' ? g.labelEn : g.label}</Tag>
                  ) : (
                    <GradeTag grade={g.grade} label={lang === 'en' ? g.labelEn : g.label} color={g.color} />
                  )}
                  <span className="jx-num">{formatCount(g.count)}</span>
                </span>
              </Tooltip>
            ))}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('overview.lastRun', { division: run.divisionName, date: formatDate(run.finishedAt) })}
            {run.name && lang !== 'en' ? ` · ${run.name}` : ''}
          </Typography.Text>
        </>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <span>
              {t('overview.notScored')}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {mayScore ? t('overview.notScoredHint') : t('overview.notScoredReadOnly')}
              </Typography.Text>
            </span>
          }
        />
      )}
    </Card>
  );
}

function ReportCard({ report, onClose }: { report: ScoreAllReport; onClose: () => void }) {
  const t = useMessages(scorecardMessages);
  const pick = usePick();
  const { lang } = useLang();
  const href = useScopedHref();
  type Row = ScoreAllReport['runs'][number];
  const columns: ColumnsType<Row> = [
    {
      key: 'template',
      title: t('overview.result.template'),
      render: (_: unknown, r) => (
        <Link to={href(`/portraits/overview/runs/${r.runId}`)}>
          {pick({ zh: r.templateName, en: r.templateNameEn })}
        </Link>
      ),
    },
    {
      key: 'subjects',
      dataIndex: 'subjects',
      title: t('overview.result.subjects'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatCount(v)}</span>,
    },
    {
      key: 'ranked',
      dataIndex: 'ranked',
      title: t('overview.result.ranked'),
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatCount(v)}</span>,
    },
    {
      key: 'average',
      dataIndex: 'averageTotal',
      title: t('overview.result.average'),
      align: 'right',
      render: (v: number | null) => <span className="jx-num">{formatScore(v)}</span>,
    },
    {
      key: 'grades',
      title: t('overview.result.grades'),
      render: (_: unknown, r) => (
        <Space size={6} wrap>
          {report.scheme.bands.map((b) => (
            <span key={b.code}>
              <GradeTag grade={b.code} label={lang === 'en' ? b.labelEn : b.label} color={b.color} />{' '}
              <span className="jx-num">{r.gradeCounts[b.code] ?? 0}</span>
            </span>
          ))}
        </Space>
      ),
    },
  ];
  const tm = report.timings;
  return (
    <Alert
      type="success"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      title={t('overview.done', { runs: report.runs.length, subjects: report.subjects })}
      description={
        <>
          <Table<Row>
            size="small"
            rowKey="runId"
            columns={columns}
            dataSource={[...report.runs]}
            pagination={false}
            style={{ margin: '8px 0' }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('overview.timing', {
              total: tm.totalMs.toFixed(1),
              load: tm.loadMs.toFixed(1),
              score: tm.scoreMs.toFixed(1),
              store: tm.storeMs.toFixed(1),
            })}
          </Typography.Text>
        </>
      }
    />
  );
}
