import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { LedgerItem } from '../../../../contracts/ledger.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDate, formatDateProse } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useNotice } from '../api.ts';
import { ledgerMessages } from '../messages.ts';
import '../ledger.css';
import { ItemStatus } from './shared.tsx';

/** Items grouped by their owner, in the notice's order. */
function byOwner(items: readonly LedgerItem[]): { owner: string; items: LedgerItem[] }[] {
  const groups: { owner: string; items: LedgerItem[] }[] = [];
  for (const it of [...items].sort((a, b) => a.itemNo - b.itemNo)) {
    const last = groups.at(-1);
    if (last && last.owner === it.ownerOrgName) last.items.push(it);
    else groups.push({ owner: it.ownerOrgName, items: [it] });
  }
  return groups;
}

/** 通报: the notice as a document (单位, 文号, title, text, the items table, seal and date) that prints on A4. */
export default function NoticePage() {
  const t = useMessages(ledgerMessages);
  const { lang } = useLang();
  const href = useScopedHref();
  const { id = '' } = useParams();
  const detail = useNotice(id);

  if (detail.isError) {
    return (
      <>
        <PageHeader />
        {detail.error.code === 'NOT_FOUND' ? (
          <EmptyState description={t('notice.notFound')} />
        ) : (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </>
    );
  }
  const d = detail.data;
  if (!d) {
    return (
      <>
        <PageHeader />
        <Skeleton active paragraph={{ rows: 12 }} />
      </>
    );
  }
  const n = d.notice;
  const unit = n.issuerOrgName ?? n.divisionName;
  let serial = 0;
  return (
    <>
      <PageHeader
        title={n.title}
        subtitle={
          <Space wrap size={[8, 4]}>
            <Tag color={n.status === 'closed' ? 'green' : 'blue'}>{t(`notice.status.${n.status}`)}</Tag>
            <span>
              {t('notice.progress', {
                accepted: n.acceptedCount,
                total: n.itemCount,
                overdue: n.overdueCount,
              })}
            </span>
          </Space>
        }
        extra={
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('notice.print')}
          </Button>
        }
      />
      <Card className="jx-notice-screen" size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('notice.issuer')}>{unit}</Descriptions.Item>
          <Descriptions.Item label={t('notice.issuedAt')}>{formatDate(n.issuedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('notice.deadline')}>{formatDate(n.deadline)}</Descriptions.Item>
          {d.run ? (
            <Descriptions.Item label={t('notice.run')}>
              <Link to={href(`/portraits/scoring/runs/${d.run.id}`)}>{d.run.name ?? d.run.templateName}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {d.scopeLimited ? (
          <Alert type="info" showIcon title={t('notice.scopeLimited')} style={{ marginTop: 8 }} />
        ) : null}
      </Card>
      <Card className="jx-notice-doc-card">
        <article className="jx-notice-doc" lang="zh-CN">
          <div className="jx-notice-unit">{unit}</div>
          {n.docNo ? <div className="jx-notice-docno">{n.docNo}</div> : null}
          <hr className="jx-notice-rule" />
          <h1 className="jx-notice-title">{n.title}</h1>
          {n.body ? <p className="jx-notice-body">{n.body}</p> : null}
          <div style={{ fontWeight: 700, marginTop: 16 }}>{t('notice.itemsTitle')}</div>
          <table className="jx-notice-table">
            <thead>
              <tr>
                <th style={{ width: 40 }}>{lang === 'en' ? 'No.' : '序号'}</th>
                <th style={{ width: 120 }}>{t('notice.subject')}</th>
                <th>{t('col.title')}</th>
                <th>{t('col.requirement')}</th>
                <th style={{ width: 92 }}>{t('col.deadline')}</th>
                <th className="jx-notice-screen" style={{ width: 120 }}>
                  {t('col.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byOwner(d.items).flatMap((g) =>
                g.items.map((it, k) => (
                  <tr key={it.id}>
                    <td className="jx-notice-center">{++serial}</td>
                    {k === 0 ? <td rowSpan={g.items.length}>{g.owner}</td> : null}
                    <td>
                      <Link to={href(`/ledger/items/${it.id}`)} style={{ color: 'inherit' }}>
                        {it.title}
                      </Link>
                    </td>
                    <td style={{ whiteSpace: 'pre-wrap' }}>{it.requirement}</td>
                    <td className="jx-notice-center">{formatDate(it.deadline)}</td>
                    <td className="jx-notice-screen">
                      <ItemStatus item={it} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <div className="jx-notice-sign">
            <div>
              {unit}
              {lang === 'en' ? ' ' : ''}
              {t('notice.sign')}
            </div>
            <div>{formatDateProse(n.issuedAt, 'zh')}</div>
          </div>
        </article>
      </Card>
    </>
  );
}
