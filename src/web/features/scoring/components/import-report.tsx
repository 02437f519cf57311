import { Alert, Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Job } from '../../../../contracts/admin.ts';
import type { ImportReport } from '../../../../contracts/scoring.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { scoringMessages } from '../messages.ts';
import { jobStep } from './shared.tsx';

interface ErrorRow {
  key: string;
  row: number;
  code: string;
  name: string;
  column: string | null;
  message: string;
}

/** The report of an import job: progress while it runs, then what was written or why nothing was. */
export function ImportProgress({ job }: { job: Job }) {
  const t = useMessages(scoringMessages);
  const { lang } = useLang();
  const running = job.status === 'queued' || job.status === 'running';
  const error = job.error as {
    code?: string;
    message?: string;
    messageEn?: string;
    details?: unknown;
  } | null;
  const report: ImportReport | null =
    job.status === 'succeeded'
      ? (job.result as ImportReport)
      : error?.code === 'IMPORT_REJECTED'
        ? (error.details as ImportReport)
        : null;
  const fileName = report?.fileName ?? (job.result as { fileName?: string } | null)?.fileName ?? '';

  if (running) {
    const percent = job.total ? Math.round((job.progress / job.total) * 100) : 0;
    return (
      <div>
        <Typography.Text>{t('import.running', { file: fileName })}</Typography.Text>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">{jobStep(job, lang, t)}</Typography.Text>
      </div>
    );
  }

  const rows: ErrorRow[] = (report?.errors ?? []).flatMap((e) =>
    e.problems.map((p, i) => ({
      key: `${e.row}-${i}`,
      row: e.row,
      code: e.code,
      name: e.name,
      column: p.column,
      message: lang === 'en' ? p.messageEn : p.message,
    })),
  );
  const columns: ColumnsType<ErrorRow> = [
    {
      key: 'row',
      dataIndex: 'row',
      title: t('import.row'),
      width: 70,
      align: 'right',
      render: (v: number) => <span className="jx-num">{v}</span>,
    },
    {
      key: 'code',
      dataIndex: 'code',
      title: t('col.code'),
      width: 100,
      render: (v: string) => <span className="jx-num">{v || '—'}</span>,
    },
    { key: 'name', dataIndex: 'name', title: t('col.name'), width: 160, render: (v: string) => v || '—' },
    {
      key: 'column',
      dataIndex: 'column',
      title: t('import.column'),
      width: 200,
      render: (v: string | null) => v ?? '—',
    },
    { key: 'message', dataIndex: 'message', title: t('import.problem') },
  ];

  let alert: { type: 'success' | 'warning' | 'error' | 'info'; text: string };
  if (job.status === 'failed') {
    alert = {
      type: 'error',
      text: (lang === 'en' ? error?.messageEn : error?.message) ?? t('import.failed'),
    };
  } else if (report?.outcome === 'partly_imported') {
    alert = {
      type: 'warning',
      text: t('import.partly', { good: report.goodRows, bad: report.badRows, values: report.valuesWritten }),
    };
  } else if (report?.outcome === 'unchanged') {
    alert = { type: 'info', text: t('import.unchanged') };
  } else {
    alert = {
      type: 'success',
      text: t('import.imported', {
        subjects: report?.subjectsChanged ?? 0,
        values: report?.valuesWritten ?? 0,
      }),
    };
  }
  return (
    <div>
      <Alert type={alert.type} showIcon title={alert.text} style={{ marginBottom: rows.length ? 12 : 0 }} />
      {rows.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('import.errors', { rows: report?.badRows ?? 0 })}
          </Typography.Title>
          <Table<ErrorRow>
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
          />
        </>
      ) : null}
    </div>
  );
}
