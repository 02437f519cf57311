import { Button, Progress, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Job } from '../../../../contracts/admin.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useMyJobs } from '../api.ts';
import { jobMessages } from '../messages.ts';

const STATUS_COLOR: Record<Job['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

const KINDS = ['scoring.run', 'scoring.import'] as const;
const active = (j: Job) => j.status === 'queued' || j.status === 'running';

/** 后台任务: the user's jobs with live progress and a link to what each one produced. */
export default function JobsPage() {
  const t = useMessages(jobMessages);
  const { lang } = useLang();
  const href = useScopedHref();
  const jobs = useMyJobs();

  const kindLabel = (kind: string) =>
    (KINDS as readonly string[]).includes(kind) ? t(`kind.${kind as (typeof KINDS)[number]}`) : kind;

  const failure = (j: Job) => {
    const err = j.error as { message?: string; messageEn?: string } | null;
    return (lang === 'en' ? err?.messageEn : err?.message) ?? '—';
  };

  const resultOf = (j: Job) => {
    const r = (j.result ?? null) as Record<string, unknown> | null;
    const e = (j.error ?? null) as { details?: Record<string, unknown> } | null;
    if (j.kind === 'scoring.run' && r && typeof r['runId'] === 'string') {
      return (
        <Space direction="vertical" size={0}>
          <Link to={href(`/portraits/scoring/runs/${r['runId']}`)}>{t('result.run')}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('result.scored', {
              subjects: formatCount(Number(r['subjects'])),
              ranked: formatCount(Number(r['ranked'])),
            })}
          </Typography.Text>
        </Space>
      );
    }
    const report = r ?? e?.details ?? null;
    if (j.kind === 'scoring.import' && report && typeof report['versionId'] === 'string') {
      const q = new URLSearchParams({
        version: String(report['versionId']),
        importJob: j.id,
        ...(typeof report['division'] === 'string' ? { division: report['division'] } : {}),
        ...(typeof report['fiscalYear'] === 'number' ? { year: String(report['fiscalYear']) } : {}),
      });
      return (
        <Space direction="vertical" size={0}>
          <Link to={href(`/portraits/scoring/inputs?${q.toString()}`)}>{t('result.import')}</Link>
          {j.status === 'succeeded' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('result.imported', { values: formatCount(Number(report['valuesWritten'] ?? 0)) })}
            </Typography.Text>
          ) : (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {failure(j)}
            </Typography.Text>
          )}
        </Space>
      );
    }
    if (j.status === 'failed') {
      return (
        <Typography.Text type="danger" style={{ fontSize: 13 }}>
          {failure(j)}
        </Typography.Text>
      );
    }
    return '—';
  };

  const columns: ColumnsType<Job> = [
    { key: 'kind', title: t('col.kind'), width: 130, render: (_: unknown, j) => kindLabel(j.kind) },
    {
      key: 'status',
      title: t('col.status'),
      width: 90,
      align: 'center',
      render: (_: unknown, j) => <Tag color={STATUS_COLOR[j.status]}>{t(`status.${j.status}`)}</Tag>,
    },
    {
      key: 'progress',
      title: t('col.progress'),
      width: 220,
      render: (_: unknown, j) => {
        const percent =
          j.status === 'succeeded' ? 100 : j.total ? Math.round((j.progress / j.total) * 100) : 0;
        return (
          <div style={{ minWidth: 180 }}>
            <Progress
              percent={percent}
              size="small"
              status={
                j.status === 'failed'
                  ? 'exception'
                  : j.status === 'running'
                    ? 'active'
                    : j.status === 'succeeded'
                      ? 'success'
                      : 'normal'
              }
            />
            {active(j) ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {lang === 'zh' && j.message
                  ? j.message
                  : t('step', { done: j.progress, total: j.total ?? '?' })}
              </Typography.Text>
            ) : null}
          </div>
        );
      },
    },
    {
      key: 'createdAt',
      title: t('col.createdAt'),
      width: 150,
      render: (_: unknown, j) => <span className="jx-num">{formatDateTime(j.createdAt)}</span>,
    },
    {
      key: 'finishedAt',
      title: t('col.finishedAt'),
      width: 150,
      render: (_: unknown, j) => <span className="jx-num">{formatDateTime(j.finishedAt)}</span>,
    },
    {
      key: 'result',
      title: t('col.result'),
      width: 300,
      render: (_: unknown, j) => <div style={{ whiteSpace: 'normal', maxWidth: 300 }}>{resultOf(j)}</div>,
    },
  ];

  return (
    <>
      <PageHeader
        subtitle={t('subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void jobs.refetch()} loading={jobs.isFetching}>
            {t('refresh')}
          </Button>
        }
      />
      {jobs.isError ? <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
      <DataTable<Job>
        rowKey="id"
        loading={jobs.isLoading}
        columns={columns}
        dataSource={jobs.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState compact description={t('empty')} /> }}
      />
    </>
  );
}
