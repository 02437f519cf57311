import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Progress, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FormOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { Run } from '../../../../contracts/scoring.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { errorText } from '../../../lib/api-error.ts';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useCan } from '../../../lib/session.tsx';
import { useJob, useRuns, useScoringVersions, useStartRun } from '../api.ts';
import { scoringMessages } from '../messages.ts';
import { jobStep, RunStatusTag, useRunTitle, VersionSelect } from './shared.tsx';

/** 综合评价与画像 › 评分运行: the runs concerning the division and year, and 发起评分. */
export default function RunsPage() {
  const t = useMessages(scoringMessages);
  const pick = usePick();
  const scope = useScope();
  const href = useScopedHref();
  const can = useCan();
  const table = useServerTable();
  const [starting, setStarting] = useState(false);
  const runTitle = useRunTitle();

  const query = useMemo(
    () => ({
      page: table.query.page,
      pageSize: table.query.pageSize,
      division: scope.divisionCode,
      year: scope.fiscalYear,
    }),
    [table.query.page, table.query.pageSize, scope.divisionCode, scope.fiscalYear],
  );
  const runs = useRuns(query);

  const columns: ColumnsType<Run> = [
    {
      key: 'name',
      title: t('col.run'),
      width: 340,
      render: (_: unknown, r) => (
        <div>
          <Link to={href(`/portraits/scoring/runs/${r.id}`)}>{runTitle(r)}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.name ? `${pick({ zh: r.templateName, en: r.templateNameEn })} · ` : ''}
              {t('runs.version', { year: r.fiscalYear, version: r.versionNo })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'division', dataIndex: 'divisionName', title: t('col.division'), width: 120 },
    {
      key: 'status',
      title: t('col.status'),
      width: 100,
      align: 'center',
      render: (_: unknown, r) => <RunStatusTag status={r.status} />,
    },
    {
      key: 'subjects',
      title: t('col.subjects'),
      width: 90,
      align: 'right',
      render: (_: unknown, r) => (
        <span className="jx-num">{r.status === 'succeeded' ? formatCount(r.subjectCount) : '—'}</span>
      ),
    },
    {
      key: 'ranked',
      title: t('col.ranked'),
      width: 90,
      align: 'right',
      render: (_: unknown, r) => <span className="jx-num">{formatCount(r.ranked)}</span>,
    },
    {
      key: 'incomplete',
      title: t('col.incomplete'),
      width: 90,
      align: 'right',
      render: (_: unknown, r) =>
        r.incomplete ? (
          <Typography.Text type="warning" className="jx-num">
            {formatCount(r.incomplete)}
          </Typography.Text>
        ) : (
          <span className="jx-num">{formatCount(r.incomplete)}</span>
        ),
    },
    {
      key: 'createdAt',
      title: t('col.createdAt'),
      width: 150,
      render: (_: unknown, r) => <span className="jx-num">{formatDateTime(r.createdAt)}</span>,
    },
    {
      key: 'finishedAt',
      title: t('col.finishedAt'),
      width: 150,
      render: (_: unknown, r) => <span className="jx-num">{formatDateTime(r.finishedAt)}</span>,
    },
    {
      key: 'actions',
      title: t('col.actions'),
      width: 100,
      fixed: 'right',
      render: (_: unknown, r) => <Link to={href(`/portraits/scoring/runs/${r.id}`)}>{t('runs.view')}</Link>,
    },
  ];

  const canRun = can('scoring.run');
  return (
    <>
      <PageHeader
        subtitle={t('runs.subtitle', { division: scope.divisionName, year: scope.fiscalYear })}
        extra={
          <Space wrap>
            <Link to={href('/portraits/scoring/inputs')}>
              <Button icon={<FormOutlined />}>{t('runs.toInputs')}</Button>
            </Link>
            {canRun ? (
              <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setStarting(true)}>
                {t('runs.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {runs.isError ? (
        <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <DataTable<Run>
        rowKey="id"
        loading={runs.isFetching && !runs.data}
        columns={columns}
        dataSource={runs.data?.items ?? []}
        locale={{
          emptyText: (
            <EmptyState
              compact
              description={t(canRun ? 'runs.empty' : 'runs.emptyReadOnly', {
                year: scope.fiscalYear,
                division: scope.divisionName,
              })}
              {...(canRun
                ? {
                    action: (
                      <Button type="primary" onClick={() => setStarting(true)}>
                        {t('runs.new')}
                      </Button>
                    ),
                  }
                : {})}
            />
          ),
        }}
        {...table.tableProps<Run>(runs.data?.total)}
      />
      {starting ? <StartRunModal onClose={() => setStarting(false)} /> : null}
    </>
  );
}

/** 发起评分: a published version of the year, an optional name; the run starts as a job. */
function StartRunModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(scoringMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const scope = useScope();
  const href = useScopedHref();
  const navigate = useNavigate();
  const versions = useScoringVersions(scope.divisionCode, scope.fiscalYear);
  const start = useStartRun();
  const [versionId, setVersionId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [started, setStarted] = useState<{ runId: string; jobId: string } | null>(null);
  const job = useJob(started?.jobId ?? null);
  const list = versions.data ?? [];
  const chosen = versionId ?? (list.length === 1 ? list[0]!.id : null);

  const submit = () => {
    if (!chosen) return;
    start.mutate(
      { versionId: chosen, division: scope.divisionCode, name: name.trim() || null },
      {
        onSuccess: (r) => {
          setStarted({ runId: r.run.id, jobId: r.jobId });
          void message.success(t('start.started'));
        },
        onError: (e) => void message.error(errorText(e, lang)),
      },
    );
  };

  const done = job.data?.status === 'succeeded';
  const percent = job.data?.total ? Math.round((job.data.progress / job.data.total) * 100) : 0;
  return (
    <Modal
      open
      title={t('start.title')}
      onCancel={onClose}
      width={640}
      okText={started ? t('runs.view') : t('start.ok')}
      cancelText={t('start.cancel')}
      okButtonProps={{ disabled: !started && !chosen, loading: start.isPending }}
      onOk={() => (started ? navigate(href(`/portraits/scoring/runs/${started.runId}`)) : submit())}
    >
      {versions.isError ? <ErrorAlert error={versions.error} /> : null}
      {versions.data && list.length === 0 ? (
        <EmptyState compact description={t('start.noVersions', { year: scope.fiscalYear })} />
      ) : (
        <Form layout="vertical" disabled={started !== null}>
          <Form.Item label={t('start.version')} required>
            <VersionSelect
              versions={list}
              value={chosen}
              onChange={setVersionId}
              loading={versions.isLoading}
              width={580}
            />
          </Form.Item>
          <Form.Item label={t('start.name')}>
            <Input
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('start.namePlaceholder', { year: scope.fiscalYear })}
            />
          </Form.Item>
          <Alert type="info" showIcon title={t('start.hint', { division: scope.divisionName })} />
        </Form>
      )}
      {started ? (
        <div style={{ marginTop: 16 }}>
          <Progress
            percent={done ? 100 : percent}
            status={job.data?.status === 'failed' ? 'exception' : done ? 'success' : 'active'}
          />
          <Typography.Text type="secondary">
            {job.data ? jobStep(job.data, lang, t) : t('status.queued')}
          </Typography.Text>
        </div>
      ) : null}
    </Modal>
  );
}
