import { useMemo, useState } from 'react';
import { Button, Checkbox, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BranchesOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { TemplateView } from '../../../../contracts/templates.ts';
import { TEMPLATE_SUBJECT_KINDS, TEMPLATE_SUBJECT_KIND_LABELS } from '../../../../core/templates/types.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useCan, useSession } from '../../../lib/session.tsx';
import { useTemplates } from '../api.ts';
import { latestPublished, publishedFor, VERSION_STATUS_COLORS } from '../labels.ts';
import { templateMessages } from '../messages.ts';
import { CreateTemplateModal } from './create-template-modal.tsx';

/** 指标库与模板 › 指标模板: the templates a division may use, with their versions by year. */
export default function TemplateListPage() {
  const t = useMessages(templateMessages);
  const pick = usePick();
  const scope = useScope();
  const me = useSession();
  const can = useCan();
  const href = useScopedHref();
  const [params, setParams] = useSearchParams();
  const owners = params.get('owners') === 'all' ? 'all' : 'usable';
  const subjectKind = params.get('subjectKind') ?? undefined;
  const [q, setQ] = useState('');
  const [modal, setModal] = useState<{ derive?: { template: TemplateView; versionId: string } } | null>(null);

  const list = useTemplates({
    division: scope.divisionCode,
    ...(owners === 'all' ? { owners } : {}),
    ...(subjectKind ? { subjectKind } : {}),
  });
  const setParam = (key: string, value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });

  const canWrite = can('templates.write') && me.divisions.some((d) => d.code === scope.divisionCode);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const all = list.data ?? [];
    return needle
      ? all.filter((x) => `${x.name} ${x.code} ${x.nameEn ?? ''}`.toLowerCase().includes(needle))
      : all;
  }, [list.data, q]);

  const derivable = (tpl: TemplateView) =>
    canWrite && tpl.mofDivCode !== scope.divisionCode && !tpl.writable && latestPublished(tpl) !== null;

  const columns: ColumnsType<TemplateView> = [
    {
      key: 'name',
      title: t('col.name'),
      render: (_v, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={href(`/templates/${row.id}`)}>{row.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="jx-num">
            {row.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'subjectKind',
      title: t('col.subjectKind'),
      width: 160,
      render: (_v, row) => pick(TEMPLATE_SUBJECT_KIND_LABELS[row.subjectKind]),
    },
    {
      key: 'owner',
      title: t('col.owner'),
      width: 90,
      render: (_v, row) => (row.mofDivCode === scope.divisionCode ? t('own') : row.divisionName),
    },
    {
      key: 'upstream',
      title: t('col.upstream'),
      width: 180,
      render: (_v, row) =>
        row.upstream ? (
          <Link to={href(`/templates/${row.upstream.templateId}`)}>
            <BranchesOutlined /> {t('derivedFrom', { name: row.upstream.name })}
          </Link>
        ) : (
          <Typography.Text type="secondary">{t('original')}</Typography.Text>
        ),
    },
    {
      key: 'year',
      title: t('col.yearVersions', { year: scope.fiscalYear }),
      width: 170,
      render: (_v, row) => {
        const year = row.versions.filter((v) => v.fiscalYear === scope.fiscalYear);
        if (year.length === 0) return <Typography.Text type="secondary">{t('noVersion')}</Typography.Text>;
        return (
          <Space size={[4, 4]} wrap>
            {year.map((v) => (
              <Link key={v.id} to={href(`/templates/versions/${v.id}`)}>
                <Tag color={VERSION_STATUS_COLORS[v.status]} style={{ marginInlineEnd: 0 }}>
                  {t('versionLabel', { n: v.versionNo })} {t(`status.${v.status}`)}
                </Tag>
              </Link>
            ))}
          </Space>
        );
      },
    },
    {
      key: 'actions',
      title: t('col.actions'),
      width: 180,
      fixed: 'right',
      render: (_v, row) => {
        const published = publishedFor(row, scope.fiscalYear) ?? latestPublished(row);
        return (
          <Space size={4}>
            <Link to={href(`/templates/${row.id}`)}>{t('open')}</Link>
            {derivable(row) && published ? (
              <Tooltip title={t('deriveHint')}>
                <Button
                  size="small"
                  type="link"
                  icon={<BranchesOutlined />}
                  onClick={() => setModal({ derive: { template: row, versionId: published.id } })}
                >
                  {t('derive')}
                </Button>
              </Tooltip>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        subtitle={t(owners === 'all' ? 'list.subtitleAll' : 'list.subtitle', {
          division: scope.divisionName,
        })}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({})}>
              {t('list.create')}
            </Button>
          ) : null
        }
      />
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <DataTable<TemplateView>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={rows}
        pagination={false}
        toolbar={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('list.search')}
              onSearch={setQ}
              onChange={(e) => setQ(e.target.value)}
              style={{ width: 240 }}
            />
            <Select
              allowClear
              placeholder={t('list.subjectKind')}
              value={subjectKind}
              onChange={(v?: string) => setParam('subjectKind', v)}
              options={TEMPLATE_SUBJECT_KINDS.map((k) => ({
                value: k,
                label: pick(TEMPLATE_SUBJECT_KIND_LABELS[k]),
              }))}
              style={{ width: 220 }}
              popupMatchSelectWidth={false}
            />
            {me.divisions.length > 1 ? (
              <Checkbox
                checked={owners === 'all'}
                onChange={(e) => setParam('owners', e.target.checked ? 'all' : undefined)}
              >
                {t('list.includeBelow')}
              </Checkbox>
            ) : null}
          </Space>
        }
        locale={{
          emptyText: (
            <EmptyState compact description={canWrite ? t('list.empty') : t('list.emptyReadOnly')} />
          ),
        }}
      />
      <CreateTemplateModal
        open={modal !== null}
        onClose={() => setModal(null)}
        divisionCode={scope.divisionCode}
        divisionName={scope.divisionName}
        fiscalYear={scope.fiscalYear}
        templates={list.data ?? []}
        derive={modal?.derive}
      />
    </>
  );
}
