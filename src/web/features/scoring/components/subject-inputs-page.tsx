import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { PaperClipOutlined, SaveOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { InputEntry, InputField, SubjectInputs } from '../../../../contracts/scoring.ts';
import type { InputSource } from '../../../../core/scoring/ports.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { apiUrl } from '../../../lib/api.ts';
import { errorText, isApiError } from '../../../lib/api-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang, useMessages, usePick, useT } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { uploadEvidence, useSaveInputs, useSubjectInputs } from '../api.ts';
import { scoringMessages } from '../messages.ts';
import { SourceSelect } from './shared.tsx';

interface Draft {
  /** undefined: no value; null: not applicable. */
  value: number | null | undefined;
  source: InputSource;
  evidenceNote: string;
  attachmentId: string | null;
  attachmentName: string | null;
}

const f2 = (x: number) => String(Math.round(x * 100) / 100);

function draftOf(f: InputField): Draft {
  return {
    value: f.stored ? f.stored.value : undefined,
    source: f.stored?.source ?? 'manual',
    evidenceNote: f.stored?.evidenceNote ?? '',
    attachmentId: f.stored?.attachment?.id ?? null,
    attachmentName: f.stored?.attachment?.fileName ?? null,
  };
}

function changed(f: InputField, d: Draft): boolean {
  const s = f.stored;
  if (!s) return d.value !== undefined;
  return (
    d.value !== s.value ||
    d.source !== s.source ||
    (d.evidenceNote.trim() || null) !== (s.evidenceNote ?? null) ||
    d.attachmentId !== (s.attachment?.id ?? null)
  );
}

const draftKey = (versionId: string, subjectId: string) => `jixiao.scoring.draft.${versionId}.${subjectId}`;

/** 评分数据填报: one subject's inputs, grouped by indicator, with source, evidence and rule. */
export default function SubjectInputsPage() {
  const { versionId = '', subjectId = '' } = useParams();
  const t = useMessages(scoringMessages);
  const common = useT();
  const pick = usePick();
  const { lang } = useLang();
  const { message } = App.useApp();
  const href = useScopedHref();
  const data = useSubjectInputs(versionId, subjectId);
  const save = useSaveInputs(versionId, subjectId);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);

  // Fresh data (first load, after saving, after a conflict) resets the drafts; an unsaved draft of this
  // subject kept in the session is offered back once.
  const fields = useMemo(() => data.data?.fields ?? [], [data.data]);
  useEffect(() => {
    if (!data.data) return;
    const fresh = Object.fromEntries(data.data.fields.map((f) => [f.key, draftOf(f)]));
    let restored = false;
    try {
      const raw = window.sessionStorage.getItem(draftKey(versionId, subjectId));
      if (raw) {
        const saved = JSON.parse(raw) as Record<string, Draft>;
        for (const [k, v] of Object.entries(saved)) {
          if (fresh[k]) {
            fresh[k] = v;
            restored = true;
          }
        }
      }
    } catch {
      // a broken draft is dropped
    }
    setDrafts(fresh);
    if (restored) void message.info(t('form.draftRestored'));
  }, [data.data]);

  const dirtyKeys = fields.filter((f) => drafts[f.key] && changed(f, drafts[f.key]!)).map((f) => f.key);
  useEffect(() => {
    if (!data.data) return;
    try {
      const key = draftKey(versionId, subjectId);
      if (dirtyKeys.length === 0) window.sessionStorage.removeItem(key);
      else
        window.sessionStorage.setItem(
          key,
          JSON.stringify(Object.fromEntries(dirtyKeys.map((k) => [k, drafts[k]]))),
        );
    } catch {
      // storage full or disabled: drafts last for this page only
    }
  }, [drafts, dirtyKeys.length, data.data, versionId, subjectId]);

  const set = (key: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [key]: { ...d[key]!, ...patch } }));

  const label = (f: InputField) =>
    `${lang === 'en' ? (f.leafNameEn ?? f.leafName) : f.leafName}·${lang === 'en' ? f.labelEn : f.label}`;

  /** The problem of a field as typed, or null. */
  const problemOf = (f: InputField): string | null => {
    const d = drafts[f.key];
    if (!d) return null;
    if (d.value === null) {
      return !f.optional && d.evidenceNote.trim() === '' ? t('form.naReason') : null;
    }
    if (d.value === undefined) return null;
    if (!Number.isFinite(d.value)) return t('form.notNumber', { label: label(f) });
    if (f.format === 'count' && d.value < 0) return t('form.negative', { label: label(f) });
    if (f.format === 'score') {
      const level = drafts[`${f.leafCode}.level`]?.value;
      const levels = fields.find((x) => x.key === `${f.leafCode}.level`)?.levels;
      const band = typeof level === 'number' ? levels?.[level] : undefined;
      if (!band) return t('form.scoreNoLevel', { label: label(f) });
      const lo = band.min * f.weight;
      const hi = band.max * f.weight;
      if (d.value < lo - 1e-9 || d.value > hi + 1e-9) {
        return t('form.scoreOut', { label: label(f), lo: f2(lo), hi: f2(hi) });
      }
    }
    return null;
  };

  const submit = () => {
    setConflict(null);
    const found = fields.map(problemOf).filter((p): p is string => p !== null);
    setProblems(found);
    if (found.length > 0) return;
    const entries: InputEntry[] = [];
    for (const f of fields) {
      const d = drafts[f.key];
      if (!d || !changed(f, d)) continue;
      if (d.value === undefined) {
        if (f.stored) entries.push({ key: f.key, remove: true, version: f.stored.version });
        continue;
      }
      entries.push({
        key: f.key,
        value: d.value,
        source: d.source,
        evidenceNote: d.evidenceNote.trim() || null,
        attachmentId: d.attachmentId,
        version: f.stored?.version ?? null,
      });
    }
    if (entries.length === 0) {
      void message.info(t('form.noChanges'));
      return;
    }
    save.mutate(entries, {
      onSuccess: () => {
        try {
          window.sessionStorage.removeItem(draftKey(versionId, subjectId));
        } catch {
          // ignore
        }
        void message.success(t('form.saved'));
      },
      onError: (e) => {
        if (isApiError(e) && e.code === 'VERSION_CONFLICT') {
          const keys = ((e.details as { keys?: string[] } | undefined)?.keys ?? []).map((k) => {
            const f = fields.find((x) => x.key === k);
            return f ? label(f) : k;
          });
          try {
            window.sessionStorage.removeItem(draftKey(versionId, subjectId));
          } catch {
            // ignore
          }
          setConflict(t('form.conflict', { list: keys.join('、') }));
          void data.refetch();
        } else if (isApiError(e) && e.code === 'VALIDATION_FAILED') {
          const list = (e.details as { problems?: { message: string; messageEn: string }[] } | undefined)
            ?.problems;
          setProblems(
            list ? list.map((p) => (lang === 'en' ? p.messageEn : p.message)) : [errorText(e, lang)],
          );
        } else {
          void message.error(errorText(e, lang));
        }
      },
    });
  };

  const view = data.data;
  const editable = view?.canEdit ?? false;
  const leaves = useMemo(() => {
    const out: { leafCode: string; fields: InputField[] }[] = [];
    for (const f of fields) {
      const last = out[out.length - 1];
      if (last && last.leafCode === f.leafCode) last.fields.push(f);
      else out.push({ leafCode: f.leafCode, fields: [f] });
    }
    return out;
  }, [fields]);

  const back = href(`/portraits/scoring/inputs?version=${versionId}`);
  return (
    <>
      <PageHeader
        title={view?.subject.name ?? '…'}
        breadcrumbs={[
          { title: common('common.home'), to: '/' },
          { title: common('menu.portraits') },
          {
            title: pick({ zh: '评分数据', en: 'Scoring inputs' }),
            to: `/portraits/scoring/inputs?version=${versionId}`,
          },
          { title: view?.subject.name ?? '…' },
        ]}
        {...(view
          ? {
              subtitle: t('form.subtitle', {
                template: pick({ zh: view.version.templateName, en: view.version.templateNameEn }),
                year: view.version.fiscalYear,
                version: view.version.versionNo,
              }),
            }
          : {})}
        extra={
          <Space wrap>
            <Link to={back}>
              <Button>{t('form.back')}</Button>
            </Link>
            {editable ? (
              <>
                <Button
                  icon={<UndoOutlined />}
                  disabled={dirtyKeys.length === 0}
                  onClick={() => {
                    setDrafts(Object.fromEntries(fields.map((f) => [f.key, draftOf(f)])));
                    setProblems([]);
                  }}
                >
                  {t('form.reset')}
                </Button>
                <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit}>
                  {t('form.save')}
                  {dirtyKeys.length > 0 ? `（${dirtyKeys.length}）` : ''}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      {data.isError ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
      {!view ? (
        data.isError ? null : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )
      ) : (
        <>
          <StatusAlerts view={view} problems={problems} conflict={conflict} />
          <Form layout="vertical" disabled={!editable}>
            {leaves.map((leaf) => {
              const first = leaf.fields[0]!;
              return (
                <Card
                  key={leaf.leafCode}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={
                    <Space size={8} wrap>
                      <span>{lang === 'en' ? (first.leafNameEn ?? first.leafName) : first.leafName}</span>
                      <Tag>{t('form.weight', { w: f2(first.weight) })}</Tag>
                      {first.category !== 'base' ? (
                        <Tag color={first.category === 'deduction' ? 'red' : 'green'}>
                          {first.category === 'deduction'
                            ? pick({ zh: '减分项', en: 'Deduction' })
                            : pick({ zh: '加分项', en: 'Bonus' })}
                        </Tag>
                      ) : null}
                      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                        {first.path}
                      </Typography.Text>
                    </Space>
                  }
                >
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 13 }}>
                    {t('form.ruleLine', { rule: pick(first.rule) })}
                    {first.standard ? (
                      <>
                        <br />
                        {t('form.standardLine', { standard: first.standard })}
                      </>
                    ) : null}
                  </Typography.Paragraph>
                  {leaf.fields.map((f) => (
                    <FieldRow
                      key={f.key}
                      field={f}
                      draft={drafts[f.key]}
                      levelDraft={drafts[`${f.leafCode}.level`]?.value}
                      problem={problemOf(f)}
                      editable={editable}
                      onChange={(patch) => set(f.key, patch)}
                      subjectId={subjectId}
                    />
                  ))}
                </Card>
              );
            })}
          </Form>
        </>
      )}
    </>
  );
}

function StatusAlerts({
  view,
  problems,
  conflict,
}: {
  view: SubjectInputs;
  problems: string[];
  conflict: string | null;
}) {
  const t = useMessages(scoringMessages);
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} size={8}>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('form.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {conflict ? <Alert type="warning" showIcon title={conflict} /> : null}
      {!view.canEdit ? (
        <Alert
          type="info"
          showIcon
          title={view.version.status !== 'published' ? t('form.retired') : t('form.readOnly')}
        />
      ) : null}
      {view.missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('form.missing', {
            n: view.missing.length,
            list: view.missing.map((m) => m.label).join('、'),
          })}
        />
      ) : (
        <Alert type="success" showIcon title={t('form.complete')} />
      )}
    </Space>
  );
}

function FieldRow({
  field: f,
  draft,
  levelDraft,
  problem,
  editable,
  onChange,
  subjectId,
}: {
  field: InputField;
  draft: Draft | undefined;
  levelDraft: number | null | undefined;
  problem: string | null;
  editable: boolean;
  onChange: (patch: Partial<Draft>) => void;
  subjectId: string;
}) {
  const t = useMessages(scoringMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  if (!draft) return null;
  const na = draft.value === null;
  const name = lang === 'en' ? f.labelEn : f.label;
  const hint =
    f.format === 'count'
      ? t('form.countZero')
      : f.format === 'score' && typeof levelDraft === 'number' && f.levels === null
        ? null
        : f.optional
          ? t('form.optional')
          : t('form.required');

  let control;
  if (f.format === 'level') {
    control = (
      <Select<number>
        allowClear
        {...(typeof draft.value === 'number' ? { value: draft.value } : { value: null })}
        placeholder={t('form.levelPlaceholder')}
        disabled={na || !editable}
        onChange={(v) => onChange({ value: v ?? undefined })}
        style={{ width: '100%' }}
        options={(f.levels ?? []).map((l) => ({
          value: l.index,
          label: `${lang === 'en' ? (l.labelEn ?? l.label) : l.short}（${f2(l.min * f.weight)}–${f2(l.max * f.weight)}）`,
        }))}
      />
    );
  } else {
    control = (
      <InputNumber<number>
        value={typeof draft.value === 'number' ? draft.value : null}
        disabled={na || !editable}
        onChange={(v) => onChange({ value: v === null ? undefined : v })}
        style={{ width: '100%' }}
        {...(f.format === 'count' ? { min: 0 } : {})}
        {...(f.format === 'score' ? { min: 0, max: f.weight, step: 0.5 } : {})}
        {...(f.unit ? { suffix: f.unit } : {})}
      />
    );
  }

  const entered = f.stored
    ? f.stored.enteredBy
      ? t('form.entered', { name: f.stored.enteredBy, time: formatDateTime(f.stored.enteredAt) })
      : t('form.enteredNoName', { time: formatDateTime(f.stored.enteredAt) })
    : null;

  return (
    <Row gutter={[12, 0]} align="top" style={{ borderTop: '1px dashed #f0f0f0', paddingTop: 8 }}>
      <Col xs={24} md={7}>
        <Form.Item
          label={
            <span>
              {name}
              {hint ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                  {hint}
                </Typography.Text>
              ) : null}
            </span>
          }
          validateStatus={problem ? 'error' : ''}
          help={problem ?? (entered ? <span style={{ fontSize: 12 }}>{entered}</span> : undefined)}
          style={{ marginBottom: 8 }}
        >
          <Space.Compact style={{ width: '100%' }}>{control}</Space.Compact>
        </Form.Item>
        {f.notApplicableAllowed ? (
          <Checkbox
            checked={na}
            disabled={!editable}
            onChange={(e) => onChange({ value: e.target.checked ? null : undefined })}
            style={{ marginBottom: 8 }}
          >
            {t('form.notApplicable')}
          </Checkbox>
        ) : null}
      </Col>
      <Col xs={24} md={5}>
        <Form.Item label={t('form.source')} style={{ marginBottom: 8 }}>
          <SourceSelect value={draft.source} onChange={(v) => onChange({ source: v })} disabled={!editable} />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item label={t('form.evidenceNote')} style={{ marginBottom: 8 }}>
          <Input.TextArea
            value={draft.evidenceNote}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            placeholder={t('form.evidencePlaceholder')}
            onChange={(e) => onChange({ evidenceNote: e.target.value })}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item label={t('form.attachment')} style={{ marginBottom: 8 }}>
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            {draft.attachmentId ? (
              <a
                href={apiUrl(`/scoring/attachments/${draft.attachmentId}`)}
                style={{ wordBreak: 'break-all' }}
              >
                <PaperClipOutlined /> {draft.attachmentName ?? draft.attachmentId}
              </a>
            ) : null}
            {editable ? (
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  setUploading(true);
                  uploadEvidence(subjectId, file)
                    .then((a) => {
                      onChange({ attachmentId: a.id, attachmentName: a.fileName });
                      void message.success(t('form.uploaded', { file: a.fileName }));
                    })
                    .catch((e: unknown) => void message.error(errorText(e, lang)))
                    .finally(() => setUploading(false));
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />} loading={uploading}>
                  {t('form.upload')}
                </Button>
              </Upload>
            ) : null}
          </Space>
        </Form.Item>
      </Col>
    </Row>
  );
}
