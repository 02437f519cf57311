import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Skeleton,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import {
  CheckOutlined,
  FileOutlined,
  PaperClipOutlined,
  RollbackOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { LedgerItemDetail, LedgerStep } from '../../../../contracts/ledger.ts';
import { Amount } from '../../../components/numbers.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText, isApiError } from '../../../lib/api-error.ts';
import { formatDate, formatDateProse, formatDateTime, formatScore } from '../../../lib/format.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useCan } from '../../../lib/session.tsx';
import { downloadLedgerFile, uploadEvidence, useItem, useReviewItem, useSubmitItem } from '../api.ts';
import { ledgerMessages } from '../messages.ts';
import { ItemStatus } from './shared.tsx';

const STEP_COLORS: Record<LedgerStep['event'], string> = {
  issue: 'blue',
  submit: 'blue',
  accept: 'green',
  return: 'orange',
  close: 'gray',
  escalate: 'red',
};

/** The step bar: 下达 → 报送整改 → 审核 → 销号, each with who did it and when. */
function ProcessBar({ d }: { d: LedgerItemDetail }) {
  const t = useMessages(ledgerMessages);
  const last = (events: LedgerStep['event'][]) =>
    [...d.steps].reverse().find((s) => events.includes(s.event)) ?? null;
  const who = (s: LedgerStep | null) =>
    s ? `${s.actorName ?? t('step.system')} · ${formatDateTime(s.at)}` : t('item.stepDesc.waiting');
  const status = d.item.status;
  const current = status === 'open' || status === 'returned' ? 1 : status === 'submitted' ? 2 : 3;
  const review = last(['accept', 'return']);
  return (
    <Steps
      current={current}
      status={status === 'closed' ? 'finish' : status === 'returned' ? 'error' : 'process'}
      items={[
        { title: t('item.steps.issue'), content: who(last(['issue'])) },
        {
          title: t('item.steps.submit'),
          content:
            status === 'open'
              ? t('item.stepDesc.waiting')
              : status === 'returned'
                ? t('item.stepDesc.resubmit')
                : who(last(['submit'])),
        },
        {
          title: t('item.steps.review'),
          content:
            status === 'open' || status === 'submitted'
              ? review && status === 'submitted'
                ? `${t('step.return')} · ${who(review)}`
                : t('item.stepDesc.waiting')
              : `${review?.event === 'return' ? t('step.return') : t('step.accept')} · ${who(review)}`,
        },
        {
          title: t('item.steps.close'),
          content: status === 'closed' ? who(last(['close'])) : t('item.stepDesc.waiting'),
        },
      ]}
    />
  );
}

/** 整改事项: what to rectify and where it came from, every step so far, and what the reader may do now. */
export default function ItemPage() {
  const t = useMessages(ledgerMessages);
  const { lang } = useLang();
  const { id = '' } = useParams();
  const href = useScopedHref();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useItem(id);
  const submit = useSubmitItem(id);
  const review = useReviewItem(id);
  const [evidence, setEvidence] = useState('');
  const [opinion, setOpinion] = useState('');
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (detail.isError) {
    return (
      <>
        <PageHeader />
        {detail.error.code === 'NOT_FOUND' ? (
          <EmptyState description={t('item.notFound')} />
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
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  }
  const item = d.item;
  const ref = item.sourceRef;
  const colon = lang === 'en' ? ': ' : '：';
  const submittedFiles = new Set(d.steps.flatMap((s) => s.attachments.map((a) => a.id)));
  const pendingFiles = d.files.filter((f) => !submittedFiles.has(f.id));

  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'VERSION_CONFLICT') {
      const current = (e.details as { current?: { status?: string } } | undefined)?.current;
      setProblem(
        t('item.conflict', {
          status: current?.status ? t(`status.${current.status as LedgerStep['toStatus']}`) : '—',
        }),
      );
    } else setProblem(errorText(e, lang));
  };

  const doSubmit = async () => {
    setProblem(null);
    if (!evidence.trim()) {
      setProblem(t('item.evidenceRequired'));
      return;
    }
    try {
      await submit.mutateAsync({
        version: item.version,
        evidence: evidence.trim(),
        attachmentIds: pendingFiles.map((f) => f.id),
      });
      setEvidence('');
      void message.success(t('item.submitted'));
    } catch (e) {
      onError(e);
    }
  };

  const doReview = async (decision: 'accept' | 'return') => {
    setProblem(null);
    if (decision === 'return' && !opinion.trim()) {
      setProblem(t('item.opinionRequired'));
      return;
    }
    try {
      await review.mutateAsync({ version: item.version, decision, opinion: opinion.trim() });
      setOpinion('');
      void message.success(decision === 'accept' ? t('item.accepted') : t('item.returned'));
    } catch (e) {
      onError(e);
    }
  };

  const fileLink = (f: { id: string; fileName: string }) => (
    <Button
      key={f.id}
      type="link"
      size="small"
      icon={<PaperClipOutlined />}
      style={{ paddingInline: 0 }}
      onClick={() =>
        void downloadLedgerFile(f.id, f.fileName).catch(
          (e: unknown) => void message.error(errorText(e, lang)),
        )
      }
    >
      {f.fileName}
    </Button>
  );

  const waiting =
    item.status === 'open' || item.status === 'returned'
      ? t('item.waitingOwner')
      : item.status === 'submitted'
        ? t('item.waitingIssuer')
        : item.status === 'accepted'
          ? t('item.done')
          : t('item.closedNote');

  return (
    <>
      <PageHeader
        title={item.title}
        subtitle={
          <Space wrap size={[8, 4]}>
            <ItemStatus item={item} />
            <span>
              {item.ownerOrgName} · {t('item.deadline')} {formatDateProse(item.deadline, lang)}
            </span>
            {item.overdue ? (
              <Typography.Text type="danger">
                {t('item.overdueNote', { date: formatDate(item.deadline) })}
                {item.escalatedAt
                  ? `，${t('item.escalatedNote', { time: formatDateTime(item.escalatedAt) })}`
                  : ''}
              </Typography.Text>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <ProcessBar d={d} />
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)', gap: 16 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
          <Card title={t('item.basic')}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('item.requirement')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{item.requirement}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('item.owner')}>
                {item.ownerOrgName}（{item.ownerDivisionName}）
              </Descriptions.Item>
              <Descriptions.Item label={t('item.issuer')}>{item.issuerDivisionName}</Descriptions.Item>
              <Descriptions.Item label={t('item.deadline')}>
                <span className="jx-num">{formatDate(item.deadline)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('item.source')}>
                <Tag>{t(`source.${item.sourceType}`)}</Tag>
              </Descriptions.Item>
              {d.notice ? (
                <Descriptions.Item label={t('item.notice')}>
                  <Link to={href(`/ledger/notices/${d.notice.id}`)}>
                    {d.notice.docNo ? `${d.notice.docNo} ` : ''}
                    {d.notice.title}
                  </Link>
                </Descriptions.Item>
              ) : null}
              {ref.subjectName ? (
                <Descriptions.Item label={t('item.subject')}>
                  <Space wrap>
                    <span>
                      {ref.subjectName}
                      {ref.total !== undefined ? ` · ${formatScore(ref.total)}` : ''}
                      {ref.rank ? ` · #${ref.rank}` : ''}
                    </span>
                    {ref.runId && ref.subjectId && can('scoring.read') ? (
                      <Link to={href(`/portraits/scoring/runs/${ref.runId}/subjects/${ref.subjectId}`)}>
                        {t('item.portrait')}
                      </Link>
                    ) : null}
                  </Space>
                </Descriptions.Item>
              ) : null}
              {ref.indicatorName ? (
                <Descriptions.Item label={t('item.indicator')}>
                  {t('item.indicatorValue', {
                    path: ref.indicatorPath ?? ref.indicatorName,
                    points: formatScore(ref.points),
                    weight: formatScore(ref.weight),
                    lost: formatScore(ref.lost),
                  })}
                </Descriptions.Item>
              ) : null}
              {d.clue ? (
                <>
                  <Descriptions.Item label={t('item.document')}>
                    {d.clue.sourceDocument ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('item.clue')}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{d.clue.description}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('item.severity')}>
                    {t(`severity.${d.clue.severity}`)}
                  </Descriptions.Item>
                  {d.clue.amountFen !== null ? (
                    <Descriptions.Item label={t('item.amount')}>
                      <Amount fen={d.clue.amountFen} />
                    </Descriptions.Item>
                  ) : null}
                  {d.clue.file ? (
                    <Descriptions.Item label={t('item.clueFile')}>{fileLink(d.clue.file)}</Descriptions.Item>
                  ) : null}
                </>
              ) : null}
            </Descriptions>
          </Card>
          <Card title={t('item.process')}>
            <Timeline
              items={d.steps.map((s) => ({
                color: STEP_COLORS[s.event],
                content: (
                  <div>
                    <div>
                      <Typography.Text strong>{t(`step.${s.event}`)}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        {s.actorName ?? t('step.system')} ·{' '}
                        <span className="jx-num">{formatDateTime(s.at)}</span>
                      </Typography.Text>
                    </div>
                    {s.evidence ? (
                      <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
                        <Typography.Text type="secondary">
                          {t('step.evidence')}
                          {colon}
                        </Typography.Text>
                        {s.evidence}
                      </div>
                    ) : null}
                    {s.opinion ? (
                      <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
                        <Typography.Text type="secondary">
                          {t('step.opinion')}
                          {colon}
                        </Typography.Text>
                        {s.opinion}
                      </div>
                    ) : null}
                    {s.attachments.length > 0 ? (
                      <div style={{ marginTop: 4 }}>
                        <Typography.Text type="secondary">
                          {t('step.files')}
                          {colon}
                        </Typography.Text>
                        {s.attachments.map(fileLink)}
                      </div>
                    ) : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </div>
        <div className="jx-no-print" style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          {problem ? (
            <Alert
              type="warning"
              showIcon
              title={problem}
              closable={{ onClose: () => setProblem(null) }}
              action={
                <Button
                  size="small"
                  onClick={() => void client.invalidateQueries({ queryKey: ['ledger', 'item', id] })}
                >
                  {lang === 'en' ? 'Reload' : '刷新'}
                </Button>
              }
            />
          ) : null}
          {d.canUpload && d.actions.includes('submit') ? (
            <Card title={t('item.evidenceTitle')}>
              <Form layout="vertical">
                <Form.Item label={t('item.evidence')} required>
                  <Input.TextArea
                    rows={5}
                    maxLength={5000}
                    showCount
                    value={evidence}
                    onChange={(e) => setEvidence(e.target.value)}
                    placeholder={t('item.evidencePlaceholder')}
                  />
                </Form.Item>
                <Form.Item label={t('item.files')} extra={t('item.uploadHint')}>
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Upload
                      showUploadList={false}
                      beforeUpload={(file) => {
                        setUploading(true);
                        uploadEvidence(id, file)
                          .then((f) => {
                            void message.success(t('item.uploaded', { file: f.fileName }));
                            return client.invalidateQueries({ queryKey: ['ledger', 'item', id] });
                          })
                          .catch((e: unknown) => void message.error(errorText(e, lang)))
                          .finally(() => setUploading(false));
                        return false;
                      }}
                    >
                      <Button icon={<UploadOutlined />} loading={uploading}>
                        {t('item.upload')}
                      </Button>
                    </Upload>
                    {pendingFiles.length > 0 ? (
                      <div>{pendingFiles.map(fileLink)}</div>
                    ) : (
                      <Typography.Text type="secondary">{t('item.noFiles')}</Typography.Text>
                    )}
                  </Space>
                </Form.Item>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={submit.isPending}
                  onClick={() => void doSubmit()}
                >
                  {t('item.submit')}
                </Button>
              </Form>
            </Card>
          ) : null}
          {d.actions.includes('accept') || d.actions.includes('return') ? (
            <Card title={t('item.reviewTitle')}>
              {item.evidence ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  <Typography.Text type="secondary">
                    {t('step.evidence')}
                    {colon}
                  </Typography.Text>
                  {item.evidence}
                </Typography.Paragraph>
              ) : null}
              <Form layout="vertical">
                <Form.Item label={t('item.opinion')}>
                  <Input.TextArea
                    rows={4}
                    maxLength={2000}
                    value={opinion}
                    onChange={(e) => setOpinion(e.target.value)}
                    placeholder={t('item.opinionPlaceholder')}
                  />
                </Form.Item>
                <Space>
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    loading={review.isPending && review.variables?.decision === 'accept'}
                    onClick={() => void doReview('accept')}
                  >
                    {t('item.accept')}
                  </Button>
                  <Button
                    danger
                    icon={<RollbackOutlined />}
                    loading={review.isPending && review.variables?.decision === 'return'}
                    onClick={() => void doReview('return')}
                  >
                    {t('item.return')}
                  </Button>
                </Space>
              </Form>
            </Card>
          ) : null}
          {!d.actions.includes('submit') && !d.actions.includes('accept') ? (
            <Card>
              <Space>
                <FileOutlined />
                <span>{waiting}</span>
              </Space>
            </Card>
          ) : null}
          {d.files.length > 0 ? (
            <Card title={t('item.files')}>
              <Space orientation="vertical" size={0}>
                {d.files.map(fileLink)}
              </Space>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
