import { useMemo } from 'react';
import { Button, Input, Progress, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { NotificationOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Notice } from '../../../../contracts/ledger.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { formatCount, formatDate } from '../../../lib/format.ts';
import { useMessages } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useCan } from '../../../lib/session.tsx';
import { useNotices } from '../api.ts';
import { ledgerMessages } from '../messages.ts';

const NOTICE_COLORS: Record<Notice['status'], string> = {
  draft: 'default',
  issued: 'blue',
  withdrawn: 'default',
  closed: 'green',
};

/** 整改台账 › 通报: the notices issued in scope (or holding the reader's items) and how far they got. */
export default function NoticesPage() {
  const t = useMessages(ledgerMessages);
  const href = useScopedHref();
  const can = useCan();
  const table = useServerTable();
  const query = useMemo(
    () => ({
      page: table.query.page,
      pageSize: table.query.pageSize,
      ...(table.query.q ? { q: table.query.q } : {}),
    }),
    [table.query.page, table.query.pageSize, table.query.q],
  );
  const page = useNotices(query);

  const columns: ColumnsType<Notice> = [
    {
      key: 'title',
      title: t('col.noticeTitle'),
      width: 360,
      render: (_: unknown, n) => (
        <div>
          <Link to={href(`/ledger/notices/${n.id}`)}>{n.title}</Link>
          {n.docNo ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.docNo}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    { key: 'issuer', dataIndex: 'divisionName', title: t('notice.issuer'), width: 110 },
    {
      key: 'issuedAt',
      title: t('col.issuedAt'),
      width: 110,
      render: (_: unknown, n) => <span className="jx-num">{formatDate(n.issuedAt)}</span>,
    },
    {
      key: 'deadline',
      title: t('col.deadline'),
      width: 110,
      render: (_: unknown, n) => <span className="jx-num">{formatDate(n.deadline)}</span>,
    },
    {
      key: 'owners',
      title: t('col.owners'),
      width: 100,
      align: 'right',
      render: (_: unknown, n) => <span className="jx-num">{formatCount(n.ownerCount)}</span>,
    },
    {
      key: 'items',
      title: t('col.items'),
      width: 90,
      align: 'right',
      render: (_: unknown, n) => <span className="jx-num">{formatCount(n.itemCount)}</span>,
    },
    {
      key: 'progress',
      title: t('col.progress'),
      width: 170,
      render: (_: unknown, n) => (
        <div>
          <Progress
            percent={n.itemCount > 0 ? Math.round((n.acceptedCount / n.itemCount) * 100) : 0}
            size="small"
            format={() => `${n.acceptedCount}/${n.itemCount}`}
          />
        </div>
      ),
    },
    {
      key: 'overdue',
      title: t('col.overdueCount'),
      width: 80,
      align: 'right',
      render: (_: unknown, n) =>
        n.overdueCount > 0 ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }} className="jx-num">
            {n.overdueCount}
          </Tag>
        ) : (
          <span className="jx-num">0</span>
        ),
    },
    {
      key: 'status',
      title: t('col.status'),
      width: 90,
      render: (_: unknown, n) => <Tag color={NOTICE_COLORS[n.status]}>{t(`notice.status.${n.status}`)}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        subtitle={t('notices.subtitle')}
        {...(can('ledger.issue')
          ? {
              extra: (
                <Link to={href('/ledger/notices/new')}>
                  <Button type="primary" icon={<NotificationOutlined />}>
                    {t('notices.new')}
                  </Button>
                </Link>
              ),
            }
          : {})}
      />
      {page.isError ? (
        <ErrorAlert error={page.error} onRetry={() => void page.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <DataTable<Notice>
        {...table.tableProps<Notice>(page.data?.total)}
        rowKey="id"
        loading={page.isFetching}
        columns={columns}
        dataSource={page.data?.items ?? []}
        toolbar={
          <Input.Search
            allowClear
            placeholder={t('notices.search')}
            defaultValue={table.query.q ?? ''}
            onSearch={table.setSearch}
            style={{ width: 240 }}
          />
        }
        locale={{
          emptyText: page.isLoading ? ' ' : <EmptyState compact description={t('notices.empty')} />,
        }}
      />
    </>
  );
}
