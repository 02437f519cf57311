import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Input, Modal, Progress, Space, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { SubjectStatus } from '../../../../contracts/scoring.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { apiUrl } from '../../../lib/api.ts';
import { errorText } from '../../../lib/api-error.ts';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useCan, useSession } from '../../../lib/session.tsx';
import { uploadFile, useJob, useScoringVersions, useSubjects } from '../api.ts';
import { scoringMessages } from '../messages.ts';
import { ImportProgress } from './import-report.tsx';
import { VersionSelect } from './shared.tsx';

const DEPARTMENT_ROLES: readonly string[] = ['budget_department', 'budget_unit'];

/** 综合评价与画像 › 评分数据: subjects of a template version with their progress, Excel out and in. */
export default function InputsPage() {
  const t = useMessages(scoringMessages);
  const { lang } = useLang();
  const scope = useScope();
  const href = useScopedHref();
  const can = useCan();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const versions = useScoringVersions(scope.divisionCode, scope.fiscalYear);
  const list = useMemo(() => versions.data ?? [], [versions.data]);
  const requested = params.get('version');
  // Departments and their units score under department templates: those come first for them.
  const departmentFirst = me.user.roles.some((r) => DEPARTMENT_ROLES.includes(r));
  const preferred = departmentFirst
    ? list.find((v) => v.subjectKind === 'department_budget' || v.subjectKind === 'frugality')
    : undefined;
  const versionId = list.some((v) => v.id === requested) ? requested : ((preferred ?? list[0])?.id ?? null);
  const subjects = useSubjects(versionId, scope.divisionCode);
  const [search, setSearch] = useState('');
  const [importing, setImporting] = useState(false);
  const importJob = params.get('importJob');

  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });

  const rows = useMemo(() => {
    const all = subjects.data?.subjects ?? [];
    const q = search.trim().toLowerCase();
    return q ? all.filter((s) => s.name.toLowerCase().includes(q) || s.refCode.includes(q)) : all;
  }, [subjects.data, search]);
  const complete = (subjects.data?.subjects ?? []).filter((s) => s.missing === 0).length;
  const total = subjects.data?.subjects.length ?? 0;
  const canInput = can('scoring.input');
  const formHref = (s: SubjectStatus) => href(`/portraits/scoring/inputs/${versionId}/${s.id}`);

  const columns: ColumnsType<SubjectStatus> = [
    {
      key: 'refCode',
      dataIndex: 'refCode',
      title: t('col.code'),
      width: 110,
      sorter: (a, b) => a.refCode.localeCompare(b.refCode),
      render: (v: string) => <span className="jx-num">{v}</span>,
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('col.name'),
      width: 260,
      render: (v: string, s) => <Link to={formHref(s)}>{v}</Link>,
    },
    {
      key: 'progress',
      title: t('col.progress'),
      width: 220,
      sorter: (a, b) => a.filled / Math.max(a.required, 1) - b.filled / Math.max(b.required, 1),
      render: (_: unknown, s) => (
        <Space size={8} style={{ width: '100%' }}>
          <Progress
            percent={s.required ? Math.round((s.filled / s.required) * 100) : 100}
            size="small"
            style={{ width: 110, margin: 0 }}
            status={s.missing === 0 ? 'success' : 'normal'}
            showInfo={false}
          />
          <span className="jx-num">
            {s.filled}/{s.required}
          </span>
        </Space>
      ),
    },
    {
      key: 'missing',
      title: t('col.missing'),
      width: 110,
      align: 'center',
      sorter: (a, b) => a.missing - b.missing,
      render: (_: unknown, s) =>
        s.missing === 0 ? (
          <Tag color="success">{t('inputs.complete')}</Tag>
        ) : (
          <Tag color="warning">{t('inputs.missingN', { n: s.missing })}</Tag>
        ),
    },
    {
      key: 'notApplicable',
      dataIndex: 'notApplicable',
      title: t('col.notApplicable'),
      width: 90,
      align: 'right',
      render: (v: number) => <span className="jx-num">{formatCount(v)}</span>,
    },
    {
      key: 'lastEnteredAt',
      dataIndex: 'lastEnteredAt',
      title: t('col.lastEntered'),
      width: 160,
      render: (v: string | null) => <span className="jx-num">{formatDateTime(v)}</span>,
    },
    {
      key: 'actions',
      title: t('col.actions'),
      width: 90,
      fixed: 'right',
      render: (_: unknown, s) => (
        <Link to={formHref(s)}>{canInput ? t('inputs.edit') : t('inputs.view')}</Link>
      ),
    },
  ];

  const downloadHref = versionId
    ? apiUrl(`/scoring/versions/${versionId}/input-template`, { division: scope.divisionCode, lang })
    : undefined;

  return (
    <>
      <PageHeader
        subtitle={t('inputs.subtitle', { division: scope.divisionName, year: scope.fiscalYear })}
        extra={
          versionId && total > 0 ? (
            <Space wrap>
              <Button icon={<DownloadOutlined />} {...(downloadHref ? { href: downloadHref } : {})} download>
                {t('inputs.download')}
              </Button>
              {canInput ? (
                <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t('inputs.upload')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      />
      {versions.isError ? (
        <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      ) : null}
      {versions.data && list.length === 0 ? (
        <Card>
          <EmptyState description={t('inputs.noVersions', { year: scope.fiscalYear })} />
        </Card>
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Space wrap size={[16, 8]} align="center">
              <span>{t('inputs.version')}</span>
              <VersionSelect
                versions={list}
                value={versionId}
                onChange={(id) => setParam('version', id)}
                loading={versions.isLoading}
                width={520}
              />
              {subjects.data ? (
                <Typography.Text type="secondary">
                  {t('inputs.summary', { total, complete, incomplete: total - complete })}
                </Typography.Text>
              ) : null}
            </Space>
          </Card>
          {importJob ? <ImportJobCard jobId={importJob} onClose={() => setParam('importJob', null)} /> : null}
          {subjects.isError ? (
            <ErrorAlert
              error={subjects.error}
              onRetry={() => void subjects.refetch()}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <DataTable<SubjectStatus>
            rowKey="id"
            loading={subjects.isFetching && !subjects.data}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            toolbar={
              <Input.Search
                allowClear
                placeholder={t('inputs.search')}
                onSearch={setSearch}
                onChange={(e) => setSearch(e.target.value)}
                style={{ width: 240 }}
              />
            }
            locale={{
              emptyText: versionId ? (
                <EmptyState
                  compact
                  description={t(list.length > 1 ? 'inputs.emptyOther' : 'inputs.empty', {
                    division: scope.divisionName,
                  })}
                />
              ) : (
                <EmptyState compact description={t('inputs.chooseVersion')} />
              ),
            }}
          />
        </>
      )}
      {importing && versionId ? (
        <ImportModal
          versionId={versionId}
          onClose={() => setImporting(false)}
          onStarted={(jobId) => {
            setImporting(false);
            setParam('importJob', jobId);
          }}
        />
      ) : null}
    </>
  );
}

/** The running or finished import, kept in the URL so the page can be left and reopened. */
function ImportJobCard({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const t = useMessages(scoringMessages);
  const job = useJob(jobId);
  const finished = job.data?.status === 'succeeded' || job.data?.status === 'failed';
  const client = useQueryClient();
  const status = job.data?.status;
  // Reload the subjects' progress when the import has written.
  useEffect(() => {
    if (status === 'succeeded') void client.invalidateQueries({ queryKey: ['scoring', 'subjects'] });
  }, [status, client]);
  return (
    <Card
      size="small"
      title={t('inputs.uploadTitle')}
      style={{ marginBottom: 16 }}
      extra={
        finished ? (
          <Button size="small" onClick={onClose}>
            {t('import.close')}
          </Button>
        ) : null
      }
    >
      {job.isError ? (
        <ErrorAlert error={job.error} />
      ) : job.data ? (
        <ImportProgress job={job.data} />
      ) : (
        <Progress percent={0} />
      )}
    </Card>
  );
}

function ImportModal({
  versionId,
  onClose,
  onStarted,
}: {
  versionId: string;
  onClose: () => void;
  onStarted: (jobId: string) => void;
}) {
  const t = useMessages(scoringMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const scope = useScope();
  const [keepGood, setKeepGood] = useState(false);
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    setBusy(true);
    try {
      const r = await uploadFile<{ jobId: string }>(`/scoring/versions/${versionId}/imports`, file, {
        division: scope.divisionCode,
        keepGoodRows: String(keepGood),
        lang,
      });
      onStarted(r.jobId);
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('inputs.uploadTitle')} onCancel={onClose} footer={null} width={560}>
      <Typography.Paragraph type="secondary">{t('inputs.uploadHint')}</Typography.Paragraph>
      <Checkbox
        checked={keepGood}
        onChange={(e) => setKeepGood(e.target.checked)}
        style={{ marginBottom: 12 }}
      >
        {t('inputs.keepGood')}
      </Checkbox>
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('inputs.chooseFile')}</p>
      </Upload.Dragger>
    </Modal>
  );
}
