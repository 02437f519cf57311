import { useEffect, useMemo } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { TemplateVersionSummary, TemplateView } from '../../../../contracts/templates.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useMessages } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useCreateVersion, useTemplate } from '../api.ts';
import { versionLabel } from '../labels.ts';
import { templateMessages } from '../messages.ts';

const BLANK = '__blank';

/**
 * 新建版本 / 复制为新版本: a draft for a fiscal year, blank or copied from a version of this template (any
 * year) or, for a derived template, from a published version of the upper template.
 */
export function NewVersionModal({
  template,
  from,
  defaultYear,
  open,
  onClose,
}: {
  template: TemplateView;
  from: TemplateVersionSummary | null;
  defaultYear: number;
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(templateMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const href = useScopedHref();
  const [form] = Form.useForm<{ fiscalYear: number; source: string; changeNote?: string }>();
  const create = useCreateVersion();
  const upstream = useTemplate(template.upstream?.templateId ?? null);

  useEffect(() => {
    if (!open) return;
    create.reset();
    form.setFieldsValue({
      fiscalYear: from ? Math.max(defaultYear, from.fiscalYear) : defaultYear,
      source: from?.id ?? template.versions[0]?.id ?? BLANK,
      changeNote: '',
    });
  }, [open, from, defaultYear, template, form]);

  const options = useMemo(() => {
    const groups = [
      { label: t('copy.blank'), options: [{ value: BLANK, label: t('copy.blank') }] },
      {
        label: t('copy.ownGroup'),
        options: template.versions.map((v) => ({
          value: v.id,
          label: `${versionLabel(t, v)} · ${t(`status.${v.status}`)}`,
        })),
      },
    ];
    if (upstream.data) {
      groups.push({
        label: t('copy.upstreamGroup', { name: upstream.data.name }),
        options: upstream.data.versions
          .filter((v) => v.status === 'published')
          .map((v) => ({ value: v.id, label: `${versionLabel(t, v)} · ${t(`status.${v.status}`)}` })),
      });
    }
    return groups.filter((g) => g.options.length > 0);
  }, [template, upstream.data, t]);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    create.mutate(
      {
        templateId: template.id,
        body: {
          fiscalYear: v.fiscalYear,
          ...(v.source !== BLANK ? { copyFromVersionId: v.source } : {}),
          ...(v.changeNote ? { changeNote: v.changeNote } : {}),
        },
      },
      {
        onSuccess: (created) => {
          void message.success(t('copy.done', { label: versionLabel(t, created) }));
          onClose();
          void navigate(href(`/templates/versions/${created.id}`));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={from ? t('copy.titleFrom', { label: versionLabel(t, from) }) : t('copy.title')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('copy.ok')}
      cancelText={t('create.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError ? (
        <ErrorAlert error={create.error} title={t('editor.refused')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item name="fiscalYear" label={t('copy.fiscalYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="source" label={t('copy.source')} rules={[{ required: true }]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="changeNote" label={t('copy.note')} rules={[{ max: 500 }]}>
          <Input placeholder={t('copy.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
