import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CalculatorOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { ConsequenceRow } from '../../../../contracts/consequences.ts';
import { CONSEQUENCE_ACTIONS } from '../../../../core/consequences/rules.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ExportExcelButton } from '../../../components/export-button.tsx';
import { GradeTag } from '../../../components/grade-tag.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useServerTable } from '../../../components/use-server-table.ts';
import { apiUrl } from '../../../lib/api.ts';
import { errorText, isApiError } from '../../../lib/api-error.ts';
import {
  amountUnitLabel,
  formatAmount,
  formatDateTime,
  formatPercent,
  withUnit,
} from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useCan } from '../../../lib/session.tsx';
import { useFinishedRuns } from '../../ledger/api.ts';
import { useConsequences, useDecide, usePropose } from '../api.ts';
import { consequenceMessages } from '../messages.ts';

const ACTION_COLORS: Record<ConsequenceRow['action'], string> = {
  reward: 'green',
  priority: 'cyan',
  as_needed: 'blue',
  none: 'default',
  cut: 'orange',
  cancel: 'red',
};
const STATUS_COLORS: Record<ConsequenceRow['status'], string> = {
  proposed: 'gold',
  confirmed: 'green',
  rejected: 'default',
};
const STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
const list = (raw: string | null) => (raw ?? '').split(',').filter((x) => x !== '');
const toWan = (fen: number) => Math.round(fen / 100) / 10_000;
const toFen = (wan: number) => Math.round(wan * 1_000_000);

/** A signed amount in 万元: + for rewards, − for cuts, coloured (and signed: never colour alone). */
function Change({ fen }: { fen: number | null }) {
  if (fen === null) return <span className="jx-num">—</span>;
  const text = `${fen > 0 ? '+' : ''}${formatAmount(fen)}`;
  return (
    <Typography.Text
      className="jx-num"
      {...(fen < 0 ? { type: 'danger' as const } : fen > 0 ? { type: 'success' as const } : {})}
    >
      {text}
    </Typography.Text>
  );
}

/** 结果应用 › 奖惩与预算调整: the proposals of a run with the rule and inputs behind every amount; the
 * deciding division confirms (per row or in bulk) or rejects them. */
export default function ConsequencesPage() {
  const t = useMessages(consequenceMessages);
  const { lang } = useLang();
  const pick = usePick();
  const scope = useScope();
  const href = useScopedHref();
  const can = useCan();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const runs = useFinishedRuns(scope.divisionCode, scope.fiscalYear);
  const runId = params.get('run');
  const table = useServerTable({ defaultSort: { sort: 'rank', order: 'asc' } });
  const statusParam = params.get('status');
  const actionParam = params.get('action');
  const status = useMemo(() => list(statusParam), [statusParam]);
  const action = useMemo(() => list(actionParam), [actionParam]);
  const filterQuery = useMemo(
    () => ({
      ...(status.length > 0 ? { status } : {}),
      ...(action.length > 0 ? { action } : {}),
    }),
    [status, action],
  );
  const query = useMemo(() => ({ ...table.apiQuery, ...filterQuery }), [table.apiQuery, filterQuery]);
  const page = useConsequences(runId, query);
  const propose = usePropose(runId);
  const decide = useDecide(runId);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<ConsequenceRow | null>(null);
  const [rejecting, setRejecting] = useState<ConsequenceRow[] | null>(null);
  const [confirmForm] = Form.useForm<{ amount: number; note?: string }>();
  const [rejectForm] = Form.useForm<{ note: string }>();

  const setParam = (key: string, value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      p.delete('page');
      return p;
    });

  const d = page.data;
  const canDecide = d?.canDecide ?? false;
  const rows = d?.items ?? [];
  const selectedRows = rows.filter((r) => selected.includes(r.id) && r.status === 'proposed');

  const runDecision = async (body: Parameters<typeof decide.mutateAsync>[0]) => {
    try {
      const r = await decide.mutateAsync(body);
      void message.success(t('done', { n: r.decided.length }));
      setSelected([]);
      return true;
    } catch (e) {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') void message.warning(t('conflict'));
      else void message.error(errorText(e, lang));
      return false;
    }
  };

  const bulkConfirm = () => {
    const sum = selectedRows.reduce((s, r) => s + r.proposedFen, 0);
    modal.confirm({
      title: t('bulk.confirmTitle', { n: selectedRows.length }),
      content: t('bulk.confirmBody', { amount: formatAmount(sum) }),
      okText: t('confirm.ok'),
      onOk: () =>
        runDecision({
          action: 'confirm',
          decisions: selectedRows.map((r) => ({ id: r.id, version: r.version })),
        }),
    });
  };

  const doPropose = async () => {
    try {
      const r = await propose.mutateAsync();
      void message.success(t('page.proposed', { written: r.written, kept: r.kept }));
    } catch (e) {
      void message.error(errorText(e, lang));
    }
  };

  const columns: ColumnsType<ConsequenceRow> = [
    {
      key: 'name',
      title: t('col.subject'),
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      width: 200,
      render: (_: unknown, r) => (
        <div>
          {r.subjectId && can('scoring.read') ? (
            <Link to={href(`/portraits/scoring/runs/${r.sourceId}/subjects/${r.subjectId}`)}>
              {r.subjectName}
            </Link>
          ) : (
            r.subjectName
          )}
          <div>
            <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
              {r.subjectRefCode}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'grade',
      title: t('col.grade'),
      width: 72,
      align: 'center',
      render: (_: unknown, r) => (r.grade ? <GradeTag grade={r.grade} /> : '—'),
    },
    {
      key: 'rank',
      dataIndex: 'rank',
      title: t('col.rank'),
      sorter: true,
      sortOrder: table.sortOrderOf('rank'),
      width: 72,
      align: 'right',
      render: (v: number | null) => <span className="jx-num">{v ?? '—'}</span>,
    },
    {
      key: 'action',
      title: t('col.action'),
      width: 150,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <Tag color={ACTION_COLORS[r.action]} style={{ marginInlineEnd: 0 }}>
            {t(`action.${r.action}`)}
          </Tag>
          {r.accountabilityReferral ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('referral')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('col.status'),
      width: 96,
      render: (_: unknown, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`status.${r.status}`)}</Tag>,
    },
    {
      key: 'baseAmountFen',
      title: withUnit(t('col.base'), amountUnitLabel('wan', lang), lang),
      sorter: true,
      sortOrder: table.sortOrderOf('baseAmountFen'),
      width: 130,
      align: 'right',
      render: (_: unknown, r) => (
        <span className="jx-num">{r.explanation?.baseKind ? formatAmount(r.baseAmountFen) : '—'}</span>
      ),
    },
    {
      key: 'proposedFen',
      title: withUnit(t('col.proposed'), amountUnitLabel('wan', lang), lang),
      sorter: true,
      sortOrder: table.sortOrderOf('proposedFen'),
      width: 130,
      align: 'right',
      render: (_: unknown, r) => <Change fen={r.proposedFen} />,
    },
    {
      key: 'confirmedFen',
      title: withUnit(t('col.confirmed'), amountUnitLabel('wan', lang), lang),
      sorter: true,
      sortOrder: table.sortOrderOf('confirmedFen'),
      width: 130,
      align: 'right',
      render: (_: unknown, r) => <Change fen={r.confirmedFen} />,
    },
    {
      key: 'basis',
      title: t('col.basis'),
      width: 360,
      render: (_: unknown, r) => (
        <Typography.Paragraph
          style={{ marginBottom: 0, fontSize: 12 }}
          ellipsis={{ rows: 2, expandable: true }}
        >
          {r.explanation ? (lang === 'en' ? r.explanation.en : r.explanation.zh) : '—'}
        </Typography.Paragraph>
      ),
    },
    ...(canDecide
      ? [
          {
            key: 'ops',
            title: t('col.ops'),
            width: 150,
            fixed: 'right' as const,
            render: (_: unknown, r: ConsequenceRow) =>
              r.status === 'proposed' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => {
                      confirmForm.setFieldsValue({ amount: toWan(r.proposedFen), note: '' });
                      setConfirming(r);
                    }}
                  >
                    {t('confirm')}
                  </Button>
                  <Button size="small" type="link" danger onClick={() => setRejecting([r])}>
                    {t('reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  const expanded = (r: ConsequenceRow) => (
    <div style={{ padding: '4px 0' }}>
      {r.explanation && r.explanation.applied.length > 0 ? (
        <Table
          size="small"
          pagination={false}
          rowKey="ruleId"
          dataSource={r.explanation.applied}
          columns={[
            {
              key: 'rule',
              title: t('basis.rule'),
              render: (_: unknown, a) => pick({ zh: a.label, en: a.labelEn }),
            },
            {
              key: 'action',
              title: t('col.action'),
              width: 140,
              render: (_: unknown, a) => t(`action.${a.action}`),
            },
            {
              key: 'ratio',
              title: t('basis.ratio'),
              width: 80,
              align: 'right',
              render: (_: unknown, a) => (
                <span className="jx-num">
                  {a.ratio === null ? '—' : formatPercent(a.ratio, { ratio: true })}
                </span>
              ),
            },
            {
              key: 'base',
              title: t('basis.base'),
              width: 180,
              align: 'right',
              render: (_: unknown, a) => (
                <span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 6 }}>
                    {t(`base.${a.baseKind as 'transfer_payments' | 'department_budget'}`)}
                  </Typography.Text>
                  <span className="jx-num">{formatAmount(a.baseFen)}</span>
                </span>
              ),
            },
            {
              key: 'amount',
              title: t('basis.amount'),
              width: 120,
              align: 'right',
              render: (_: unknown, a) => <Change fen={a.amountFen} />,
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('basis.none')}</Typography.Text>
      )}
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        {r.explanation ? (lang === 'en' ? r.explanation.en : r.explanation.zh) : null}
      </Typography.Paragraph>
      {r.confirmedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('basis.decided', { who: r.confirmedByName ?? '—', time: formatDateTime(r.confirmedAt) })}
          {r.note ? ` · ${t('basis.note', { note: r.note })}` : ''}
        </Typography.Text>
      ) : null}
    </div>
  );

  const run = d?.run;
  const filtered = status.length > 0 || action.length > 0 || Boolean(table.query.q);
  return (
    <>
      <PageHeader
        subtitle={t('page.subtitle', { division: scope.divisionName, year: scope.fiscalYear })}
        extra={
          <Space wrap>
            <Link to={href('/results/rules')}>
              <Button>{t('page.rules')}</Button>
            </Link>
            {canDecide ? (
              <Button
                type="primary"
                icon={<CalculatorOutlined />}
                loading={propose.isPending}
                onClick={() => void doPropose()}
              >
                {d && d.totals.count > 0 ? t('page.repropose') : t('page.propose')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('page.run')}</span>
          <Select
            value={runId}
            placeholder={t('page.runPlaceholder')}
            loading={runs.isLoading}
            style={{ minWidth: 420 }}
            onChange={(v: string) =>
              setParams((p) => {
                p.set('run', v);
                p.delete('page');
                return p;
              })
            }
            options={(runs.data ?? []).map((r) => ({
              value: r.id,
              label: `${pick({ zh: r.templateName, en: r.templateNameEn })}${r.name ? `（${r.name}）` : ''} · ${r.divisionName} · ${r.fiscalYear}`,
            }))}
            notFoundContent={
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('page.noRuns', { year: scope.fiscalYear })}
              />
            }
          />
          {run ? <Tag color="blue">{t('page.target', { year: run.targetFiscalYear })}</Tag> : null}
        </Space>
      </Card>
      {!runId ? (
        <EmptyState
          description={
            runs.data && runs.data.length === 0
              ? t('page.noRuns', { year: scope.fiscalYear })
              : t('page.choose')
          }
        />
      ) : page.isError ? (
        <ErrorAlert error={page.error} onRetry={() => void page.refetch()} />
      ) : (
        <>
          {d ? (
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
                gap: 16,
                marginBottom: 16,
              }}
            >
              <Card size="small">
                <Statistic title={t('sum.proposed')} value={formatAmount(d.totals.proposedFen)} />
              </Card>
              <Card size="small">
                <Statistic title={t('sum.confirmed')} value={formatAmount(d.totals.confirmedFen)} />
              </Card>
              <Card size="small">
                <Statistic
                  title={t('sum.pending')}
                  value={d.totals.byStatus.proposed}
                  suffix={`/ ${d.totals.count}`}
                />
              </Card>
              <Card size="small">
                <Statistic title={t('sum.referrals')} value={d.totals.referrals} />
              </Card>
            </div>
          ) : null}
          {canDecide && selectedRows.length > 0 ? (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={
                <Space wrap>
                  <span>{t('bulk.selected', { n: selectedRows.length })}</span>
                  <Button size="small" type="primary" icon={<CheckOutlined />} onClick={bulkConfirm}>
                    {t('bulk.confirm')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseOutlined />}
                    onClick={() => setRejecting(selectedRows)}
                  >
                    {t('bulk.reject')}
                  </Button>
                </Space>
              }
            />
          ) : null}
          <DataTable<ConsequenceRow>
            {...table.tableProps<ConsequenceRow>(d?.total)}
            rowKey="id"
            loading={page.isFetching}
            columns={columns}
            dataSource={rows}
            expandable={{ expandedRowRender: expanded }}
            {...(canDecide
              ? {
                  rowSelection: {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (r: ConsequenceRow) => ({ disabled: r.status !== 'proposed' }),
                  },
                }
              : {})}
            toolbar={
              <>
                <Input.Search
                  allowClear
                  placeholder={t('page.search')}
                  defaultValue={table.query.q ?? ''}
                  onSearch={table.setSearch}
                  style={{ width: 200 }}
                />
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={t('col.status')}
                  value={status}
                  style={{ minWidth: 130 }}
                  onChange={(v: string[]) => setParam('status', v.join(','))}
                  options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                  aria-label={t('col.status')}
                />
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={t('col.action')}
                  value={action}
                  style={{ minWidth: 150 }}
                  onChange={(v: string[]) => setParam('action', v.join(','))}
                  options={CONSEQUENCE_ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))}
                  aria-label={t('col.action')}
                />
              </>
            }
            exportSlot={
              <ExportExcelButton
                href={apiUrl(`/consequences/runs/${runId}/export`, {
                  ...table.exportQuery,
                  ...filterQuery,
                  lang,
                })}
                disabled={!d || d.total === 0}
              />
            }
            locale={{
              emptyText: page.isLoading ? (
                ' '
              ) : filtered ? (
                <EmptyState compact description={t('page.empty')} />
              ) : (
                <EmptyState
                  compact
                  description={
                    canDecide
                      ? `${t('page.empty')}${t('page.emptyAction')}`
                      : t('page.emptyReader', { division: run?.divisionName ?? '' })
                  }
                />
              ),
            }}
          />
        </>
      )}
      <Modal
        open={confirming !== null}
        title={confirming ? t('confirm.title', { name: confirming.subjectName ?? '' }) : ''}
        okText={t('confirm.ok')}
        confirmLoading={decide.isPending}
        onCancel={() => setConfirming(null)}
        onOk={() => confirmForm.submit()}
        destroyOnHidden
      >
        {confirming ? (
          <Form
            form={confirmForm}
            layout="vertical"
            onFinish={(v) =>
              void runDecision({
                action: 'confirm',
                decisions: [
                  { id: confirming.id, version: confirming.version, confirmedFen: toFen(v.amount) },
                ],
                note: v.note?.trim() || null,
              }).then((ok) => ok && setConfirming(null))
            }
          >
            <Form.Item
              name="amount"
              label={t('confirm.amount')}
              extra={t('confirm.amountHint', {
                proposed: formatAmount(confirming.proposedFen),
                base: formatAmount(confirming.baseAmountFen),
              })}
              rules={[
                { required: true, message: t('confirm.amount') },
                {
                  validator: (_, v: number | null) =>
                    v !== null && confirming.baseAmountFen > 0 && toFen(v) < -confirming.baseAmountFen
                      ? Promise.reject(new Error(t('confirm.tooMuch')))
                      : Promise.resolve(),
                },
              ]}
            >
              <InputNumber precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label={t('confirm.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
      <Modal
        open={rejecting !== null}
        title={
          rejecting
            ? rejecting.length === 1
              ? t('reject.title', { name: rejecting[0]!.subjectName ?? '' })
              : t('reject.titleBulk', { n: rejecting.length })
            : ''
        }
        okText={t('reject')}
        okButtonProps={{ danger: true }}
        confirmLoading={decide.isPending}
        onCancel={() => setRejecting(null)}
        onOk={() => rejectForm.submit()}
        destroyOnHidden
      >
        <Form
          form={rejectForm}
          layout="vertical"
          onFinish={(v) =>
            rejecting &&
            void runDecision({
              action: 'reject',
              decisions: rejecting.map((r) => ({ id: r.id, version: r.version })),
              note: v.note,
            }).then((ok) => ok && setRejecting(null))
          }
        >
          <Form.Item
            name="note"
            label={t('reject.note')}
            rules={[{ required: true, whitespace: true, message: t('reject.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
