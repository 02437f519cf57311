import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { BranchesOutlined, CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { TemplateVersionSummary } from '../../../../contracts/templates.ts';
import { TEMPLATE_SUBJECT_KIND_LABELS } from '../../../../core/templates/types.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useCan } from '../../../lib/session.tsx';
import { useDeleteDraft, useTemplate } from '../api.ts';
import { VERSION_STATUS_COLORS, versionsByYear } from '../labels.ts';
import { templateMessages } from '../messages.ts';
import { NewVersionModal } from './new-version-modal.tsx';
import { usePublishFlow } from './publish-flow.tsx';

/** 模板详情: the template, its versions by fiscal year, and what may be done with each. */
export default function TemplateDetailPage() {
  const { id = '' } = useParams();
  const t = useMessages(templateMessages);
  const pick = usePick();
  const { lang } = useLang();
  const scope = useScope();
  const href = useScopedHref();
  const can = useCan();
  const { message } = App.useApp();
  const template = useTemplate(id);
  const remove = useDeleteDraft();
  const publish = usePublishFlow();
  const [copy, setCopy] = useState<{ from: TemplateVersionSummary | null } | null>(null);

  if (template.isError) {
    return (
      <>
        <PageHeader />
        {template.error.code === 'NOT_FOUND' ? (
          <EmptyState description={errorText(template.error, lang)} />
        ) : (
          <ErrorAlert error={template.error} onRetry={() => void template.refetch()} />
        )}
      </>
    );
  }
  const tpl = template.data;
  if (!tpl) {
    return (
      <>
        <PageHeader />
        <Skeleton active paragraph={{ rows: 8 }} />
      </>
    );
  }
  const writable = tpl.writable;
  const canPublish = writable && can('templates.publish');
  const years = versionsByYear(tpl.versions);

  const columns = (year: number) => [
    {
      key: 'version',
      title: t('detail.colVersion'),
      width: 110,
      render: (_v: unknown, v: TemplateVersionSummary) => (
        <Link to={href(`/templates/versions/${v.id}`)}>{t('versionLabel', { n: v.versionNo })}</Link>
      ),
    },
    {
      key: 'status',
      title: t('detail.colStatus'),
      width: 100,
      render: (_v: unknown, v: TemplateVersionSummary) => (
        <Tag color={VERSION_STATUS_COLORS[v.status]}>{t(`status.${v.status}`)}</Tag>
      ),
    },
    {
      key: 'note',
      title: t('detail.colNote'),
      render: (_v: unknown, v: TemplateVersionSummary) => (
        <div style={{ whiteSpace: 'normal', minWidth: 200, maxWidth: 420 }}>{v.changeNote ?? '—'}</div>
      ),
    },
    {
      key: 'updated',
      title: t('detail.colUpdated'),
      width: 170,
      render: (_v: unknown, v: TemplateVersionSummary) => (
        <span className="jx-num">{formatDateTime(v.updatedAt)}</span>
      ),
    },
    {
      key: 'published',
      title: t('detail.colPublished'),
      width: 170,
      render: (_v: unknown, v: TemplateVersionSummary) => (
        <span className="jx-num">{formatDateTime(v.publishedAt)}</span>
      ),
    },
    {
      key: 'actions',
      title: t('detail.colActions'),
      width: 300,
      render: (_v: unknown, v: TemplateVersionSummary) => {
        const current = tpl.versions.find((x) => x.fiscalYear === year && x.status === 'published') ?? null;
        return (
          <Space size={4} wrap>
            <Link to={href(`/templates/versions/${v.id}`)}>
              {writable && v.status === 'draft' ? t('detail.edit') : t('detail.view')}
            </Link>
            {writable ? (
              <Button size="small" type="link" icon={<CopyOutlined />} onClick={() => setCopy({ from: v })}>
                {t('detail.copy')}
              </Button>
            ) : null}
            {canPublish && v.status === 'draft' ? (
              <Button
                size="small"
                type="link"
                onClick={() => publish(v, current, () => void template.refetch())}
              >
                {t('detail.publish')}
              </Button>
            ) : null}
            {writable && v.status === 'draft' ? (
              <Popconfirm
                title={t('detail.deleteConfirm')}
                onConfirm={() =>
                  remove.mutate(
                    { id: v.id },
                    {
                      onSuccess: () => void message.success(t('detail.deleted')),
                      onError: (e) => void message.error(errorText(e, lang)),
                    },
                  )
                }
              >
                <Button size="small" type="link" danger>
                  {t('detail.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    },
  ];

  const owner = tpl.mofDivCode === scope.divisionCode ? t('own') : tpl.divisionName;
  return (
    <>
      <PageHeader
        title={tpl.name}
        subtitle={t('detail.subtitle', {
          code: tpl.code,
          kind: pick(TEMPLATE_SUBJECT_KIND_LABELS[tpl.subjectKind]),
          owner,
        })}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCopy({ from: null })}>
              {t('detail.newVersion')}
            </Button>
          ) : null
        }
      />
      {tpl.upstream ? (
        <Alert
          type="info"
          showIcon
          icon={<BranchesOutlined />}
          style={{ marginBottom: 16 }}
          title={t('detail.upstream', { name: tpl.upstream.name, division: tpl.upstream.divisionName })}
          action={
            <Link to={href(`/templates/${tpl.upstream.templateId}`)}>
              <Button size="small">{t('open')}</Button>
            </Link>
          }
        />
      ) : null}
      {!writable && tpl.mofDivCode !== scope.divisionCode ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.upperOwned', { division: tpl.divisionName })}
        />
      ) : null}
      {tpl.description ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            column={1}
            items={[{ key: 'd', label: t('detail.description'), children: tpl.description }]}
          />
        </Card>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('detail.versions')}
      </Typography.Title>
      {years.length === 0 ? (
        <EmptyState description={t('detail.noVersions')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {years.map((g) => (
            <Card key={g.year} size="small" title={t('detail.year', { year: g.year })}>
              <Table<TemplateVersionSummary>
                rowKey="id"
                size="small"
                pagination={false}
                columns={columns(g.year)}
                dataSource={g.versions}
                scroll={{ x: 'max-content' }}
              />
            </Card>
          ))}
        </Space>
      )}
      {copy ? (
        <NewVersionModal
          open
          template={tpl}
          from={copy.from}
          defaultYear={scope.fiscalYear}
          onClose={() => setCopy(null)}
        />
      ) : null}
    </>
  );
}
