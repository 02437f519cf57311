import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import type { NoticeProposal } from '../../../../contracts/ledger.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { GradeTag } from '../../../components/grade-tag.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { api } from '../../../lib/api.ts';
import { errorText } from '../../../lib/api-error.ts';
import { formatScore } from '../../../lib/format.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useFinishedRuns, useIssueNotice, useNoticeProposal } from '../api.ts';
import { ledgerMessages } from '../messages.ts';

type ProposalSubject = NoticeProposal['subjects'][number];

interface DraftItem {
  key: string;
  title: string;
  requirement: string;
  deadline: string | null;
  indicatorCode: string | null;
  lost: number | null;
}
interface DraftSubject {
  subject: ProposalSubject;
  items: DraftItem[];
}

let keySeq = 0;
/** The notice is an official document in Chinese whatever the interface language: its items too. */
const toDraft = (s: ProposalSubject): DraftSubject => ({
  subject: s,
  items: s.items.map((i) => ({
    key: `k${++keySeq}`,
    title: i.title,
    requirement: i.requirement,
    deadline: null,
    indicatorCode: i.indicatorCode,
    lost: i.lost,
  })),
});

/** 下达通报: pick a finished run, the low-graded (or last-ranked) subjects and the items proposed from their
 * lost points; edit everything, then issue. */
export default function NoticeNewPage() {
  const t = useMessages(ledgerMessages);
  const { lang } = useLang();
  const pick = usePick();
  const scope = useScope();
  const href = useScopedHref();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const runs = useFinishedRuns(scope.divisionCode, scope.fiscalYear);
  const runId = params.get('run');
  const [mode, setMode] = useState<'grade' | 'bottom'>('grade');
  const [grades, setGrades] = useState<string[] | null>(null);
  const [bottomN, setBottomN] = useState(3);
  const [perSubject, setPerSubject] = useState<number | null>(null);
  const proposalQuery = useMemo(
    () => ({
      ...(mode === 'grade' && grades ? { grades } : {}),
      ...(mode === 'bottom' ? { bottomN } : {}),
      ...(perSubject ? { itemsPerSubject: perSubject } : {}),
    }),
    [mode, grades, bottomN, perSubject],
  );
  const proposal = useNoticeProposal(runId, proposalQuery);
  const issue = useIssueNotice();

  const [title, setTitle] = useState('');
  const [docNo, setDocNo] = useState('');
  const [body, setBody] = useState('');
  const [deadline, setDeadline] = useState<string | null>(null);
  const [draft, setDraft] = useState<DraftSubject[]>([]);
  const [showProblems, setShowProblems] = useState(false);
  const [adding, setAdding] = useState(false);

  // A new proposal (another run or selection) replaces the draft's subjects; the texts are kept once edited.
  const data = proposal.data;
  useEffect(() => {
    if (!data) return;
    setDraft(data.subjects.map((s) => toDraft(s)));
    setTitle((v) => v || data.title);
    setBody((v) => v || data.body);
    setDeadline((v) => v ?? data.defaults.deadline);
    setGrades((g) => g ?? data.selection.grades);
    setPerSubject((p) => p ?? data.defaults.itemsPerSubject);
  }, [data]);

  const problems = useMemo(() => {
    const out: string[] = [];
    if (!title.trim()) out.push(t('new.pTitle'));
    if (!deadline) out.push(t('new.pDeadline'));
    if (draft.length === 0) out.push(t('new.pSubjects'));
    for (const d of draft) {
      if (!d.subject.owner) out.push(t('new.pOwner', { name: d.subject.name }));
      if (d.items.length === 0) out.push(t('new.pNoItems', { name: d.subject.name }));
      d.items.forEach((i, k) => {
        if (!i.title.trim() || !i.requirement.trim())
          out.push(t('new.pItem', { name: d.subject.name, n: k + 1 }));
      });
    }
    return out;
  }, [title, deadline, draft, t]);

  const updateItem = (si: number, ii: number, patch: Partial<DraftItem>) =>
    setDraft((ds) =>
      ds.map((d, k) =>
        k === si ? { ...d, items: d.items.map((it, j) => (j === ii ? { ...it, ...patch } : it)) } : d,
      ),
    );

  const addSubject = async (subjectId: string) => {
    if (!runId) return;
    setAdding(true);
    try {
      const p = await api.get<NoticeProposal>(`/ledger/runs/${runId}/notice-proposal`, {
        query: { subjectIds: [subjectId], ...(perSubject ? { itemsPerSubject: perSubject } : {}) },
      });
      setDraft((ds) => [...ds, ...p.subjects.map((s) => toDraft(s))]);
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setAdding(false);
    }
  };

  const submit = async () => {
    setShowProblems(true);
    if (problems.length > 0 || !runId || !deadline) return;
    try {
      const d = await issue.mutateAsync({
        runId,
        title: title.trim(),
        docNo: docNo.trim() || null,
        body: body.trim(),
        deadline,
        subjects: draft.map((s) => ({
          subjectId: s.subject.subjectId,
          items: s.items.map((i) => ({
            title: i.title.trim(),
            requirement: i.requirement.trim(),
            deadline: i.deadline,
            indicatorCode: i.indicatorCode,
          })),
        })),
      });
      void message.success(t('new.issued', { n: d.items.length }));
      void navigate(href(`/ledger/notices/${d.notice.id}`));
    } catch (e) {
      void message.error(errorText(e, lang));
    }
  };

  const inDraft = new Set(draft.map((d) => d.subject.subjectId));
  const bands = data?.bands ?? [];

  return (
    <>
      <PageHeader
        extra={
          <Button
            type="primary"
            icon={<NotificationOutlined />}
            disabled={!data}
            loading={issue.isPending}
            onClick={() => void submit()}
          >
            {t('new.issue')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr) 160px',
              gap: '0 16px',
            }}
          >
            <Form.Item label={t('new.run')} required>
              <Select
                value={runId}
                placeholder={t('new.runPlaceholder')}
                loading={runs.isLoading}
                onChange={(v: string) =>
                  setParams((p) => {
                    p.set('run', v);
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
                    description={t('new.noRuns', { year: scope.fiscalYear })}
                  />
                }
              />
            </Form.Item>
            <Form.Item label={t('new.selection')}>
              <Space wrap>
                <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'grade' | 'bottom')}>
                  <Radio.Button value="grade">{t('new.byGrade')}</Radio.Button>
                  <Radio.Button value="bottom">{t('new.byBottom')}</Radio.Button>
                </Radio.Group>
                {mode === 'grade' ? (
                  <Checkbox.Group
                    value={grades ?? []}
                    onChange={(v) => setGrades(v as string[])}
                    options={bands.map((b) => ({
                      value: b.code,
                      label: lang === 'en' ? b.labelEn : b.label,
                    }))}
                  />
                ) : (
                  <InputNumber
                    min={1}
                    max={1000}
                    value={bottomN}
                    onChange={(v) => setBottomN(v ?? 1)}
                    addonBefore={lang === 'en' ? 'Bottom' : '末位'}
                    addonAfter={lang === 'en' ? '' : '名'}
                    style={{ width: 160 }}
                  />
                )}
              </Space>
            </Form.Item>
            <Form.Item label={t('new.itemsPerSubject')}>
              <InputNumber
                min={1}
                max={20}
                value={perSubject}
                onChange={(v) => setPerSubject(v)}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </div>
        </Form>
      </Card>
      {!runId ? (
        runs.data && runs.data.length === 0 ? (
          <EmptyState description={t('new.noRuns', { year: scope.fiscalYear })} />
        ) : (
          <EmptyState description={t('new.runPlaceholder')} />
        )
      ) : proposal.isError ? (
        <ErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          {showProblems && problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('new.problems')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Card style={{ marginBottom: 16 }}>
            <Form layout="vertical">
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 1fr) 180px',
                  gap: '0 16px',
                }}
              >
                <Form.Item
                  label={t('new.title')}
                  required
                  {...(!title.trim() ? { validateStatus: 'error' as const, help: t('new.pTitle') } : {})}
                >
                  <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
                </Form.Item>
                <Form.Item label={t('new.docNo')}>
                  <Input
                    value={docNo}
                    maxLength={100}
                    placeholder={t('new.docNoPlaceholder')}
                    onChange={(e) => setDocNo(e.target.value)}
                  />
                </Form.Item>
                <Form.Item label={t('new.deadline')} required>
                  <DatePicker
                    style={{ width: '100%' }}
                    value={deadline ? dayjs(deadline) : null}
                    disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                    onChange={(d) => setDeadline(d ? d.format('YYYY-MM-DD') : null)}
                  />
                </Form.Item>
              </div>
              <Form.Item label={t('new.body')} style={{ marginBottom: 0 }}>
                <Input.TextArea
                  rows={3}
                  maxLength={5000}
                  value={body}
                  onChange={(e) => setBody(e.target.value)}
                />
              </Form.Item>
            </Form>
          </Card>
          <Space style={{ marginBottom: 12 }} wrap>
            <Typography.Text strong>{t('new.proposed', { n: draft.length })}</Typography.Text>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('new.addSubject')}
              value={null}
              loading={adding}
              style={{ width: 280 }}
              onChange={(v: string) => void addSubject(v)}
              options={data.candidates
                .filter((c) => !inDraft.has(c.subjectId))
                .map((c) => ({
                  value: c.subjectId,
                  label: `${c.rank ?? '—'}. ${c.name}（${formatScore(c.total)}）`,
                }))}
            />
          </Space>
          {draft.length === 0 ? <EmptyState compact description={t('new.none')} /> : null}
          {draft.map((d, si) => (
            <Card
              key={d.subject.subjectId}
              size="small"
              style={{ marginBottom: 12 }}
              title={
                <Space wrap>
                  <span>
                    {t('new.subjectHeader', {
                      name: d.subject.name,
                      total: formatScore(d.subject.total),
                      rank: d.subject.rank ?? '—',
                    })}
                  </span>
                  <GradeTag grade={d.subject.grade} />
                  {d.subject.owner ? (
                    <Typography.Text type="secondary">
                      {t('new.owner', { owner: d.subject.owner.name })}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="danger">
                      {t('new.noOwner', { reason: d.subject.ownerProblem ?? '' })}
                    </Typography.Text>
                  )}
                </Space>
              }
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => setDraft((ds) => ds.filter((_, k) => k !== si))}
                >
                  {t('new.remove')}
                </Button>
              }
            >
              {d.items.map((it, ii) => (
                <div
                  key={it.key}
                  style={{
                    display: 'grid',
                    gridTemplateColumns: '28px minmax(0, 2fr) minmax(0, 3fr) 150px 32px',
                    gap: 8,
                    alignItems: 'start',
                    padding: '8px 0',
                    borderTop: ii === 0 ? 'none' : '1px solid rgba(5,5,5,0.06)',
                  }}
                >
                  <span className="jx-num" style={{ paddingTop: 5, textAlign: 'center' }}>
                    {ii + 1}
                  </span>
                  <div>
                    <Input
                      value={it.title}
                      maxLength={200}
                      status={it.title.trim() ? '' : 'error'}
                      placeholder={t('new.itemTitle')}
                      aria-label={t('new.itemTitle')}
                      onChange={(e) => updateItem(si, ii, { title: e.target.value })}
                    />
                    {it.lost !== null ? (
                      <Tag color="orange" style={{ marginTop: 4 }}>
                        {it.indicatorCode} · {t('new.lost', { lost: formatScore(it.lost) })}
                      </Tag>
                    ) : null}
                  </div>
                  <Input.TextArea
                    value={it.requirement}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    maxLength={2000}
                    status={it.requirement.trim() ? '' : 'error'}
                    placeholder={t('new.itemRequirement')}
                    aria-label={t('new.itemRequirement')}
                    onChange={(e) => updateItem(si, ii, { requirement: e.target.value })}
                  />
                  <DatePicker
                    value={it.deadline ? dayjs(it.deadline) : null}
                    placeholder={t('new.itemDeadline')}
                    disabledDate={(x) => x.isBefore(dayjs().startOf('day'))}
                    onChange={(x) => updateItem(si, ii, { deadline: x ? x.format('YYYY-MM-DD') : null })}
                    aria-label={t('new.itemDeadline')}
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('new.removeItem')}
                    title={t('new.removeItem')}
                    onClick={() =>
                      setDraft((ds) =>
                        ds.map((x, k) =>
                          k === si ? { ...x, items: x.items.filter((_, j) => j !== ii) } : x,
                        ),
                      )
                    }
                  />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                size="small"
                style={{ marginTop: 8 }}
                onClick={() =>
                  setDraft((ds) =>
                    ds.map((x, k) =>
                      k === si
                        ? {
                            ...x,
                            items: [
                              ...x.items,
                              {
                                key: `k${++keySeq}`,
                                title: '',
                                requirement: '',
                                deadline: null,
                                indicatorCode: null,
                                lost: null,
                              },
                            ],
                          }
                        : x,
                    ),
                  )
                }
              >
                {t('new.addItem')}
              </Button>
            </Card>
          ))}
        </>
      )}
    </>
  );
}
