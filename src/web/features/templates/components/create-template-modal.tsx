import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { TemplateView } from '../../../../contracts/templates.ts';
import {
  TEMPLATE_SUBJECT_KINDS,
  TEMPLATE_SUBJECT_KIND_LABELS,
  type TemplateSubjectKind,
} from '../../../../core/templates/types.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useMessages, usePick } from '../../../lib/i18n.tsx';
import { useScopedHref } from '../../../lib/scope.tsx';
import { useCreateTemplate } from '../api.ts';
import { versionLabel } from '../labels.ts';
import { templateMessages } from '../messages.ts';

interface Values {
  code: string;
  name: string;
  nameEn?: string;
  subjectKind: TemplateSubjectKind;
  description?: string;
  fiscalYear: number;
  start: 'blank' | 'copy';
  copyFromVersionId?: string;
}

/**
 * 新建模板 (blank or copied from a version) and 派生本级版本 (copied from an upper division's published
 * version, `derive` given). The first draft opens in the editor.
 */
export function CreateTemplateModal({
  open,
  onClose,
  divisionCode,
  divisionName,
  fiscalYear,
  templates,
  derive,
}: {
  open: boolean;
  onClose: () => void;
  divisionCode: string;
  divisionName: string;
  fiscalYear: number;
  templates: readonly TemplateView[];
  derive?: { template: TemplateView; versionId: string } | undefined;
}) {
  const t = useMessages(templateMessages);
  const pick = usePick();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const href = useScopedHref();
  const [form] = Form.useForm<Values>();
  const create = useCreateTemplate();
  const start = Form.useWatch('start', form);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => {
    if (!open) return;
    create.reset();
    setSubmitted(false);
    form.resetFields();
    if (derive) {
      form.setFieldsValue({
        code: derive.template.code,
        name: `${derive.template.name}（${divisionName}）`,
        subjectKind: derive.template.subjectKind,
        fiscalYear,
      });
    } else {
      form.setFieldsValue({ fiscalYear, start: 'blank', subjectKind: 'other' });
    }
  }, [open, derive, fiscalYear, divisionName]);

  const sourceOptions = useMemo(
    () =>
      templates
        .map((tpl) => ({
          label: `${tpl.name}（${tpl.divisionName}）`,
          options: tpl.versions
            .filter(
              (v) => v.status === 'published' || (v.mofDivCode === divisionCode && v.status === 'draft'),
            )
            .map((v) => ({
              value: v.id,
              label: `${versionLabel(t, v)} · ${t(`status.${v.status}`)}`,
            })),
        }))
        .filter((g) => g.options.length > 0),
    [templates, divisionCode, t],
  );

  const onOk = async () => {
    setSubmitted(true);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    create.mutate(
      {
        mofDivCode: divisionCode,
        code: v.code,
        name: v.name,
        subjectKind: v.subjectKind,
        fiscalYear: v.fiscalYear,
        ...(v.nameEn ? { nameEn: v.nameEn } : {}),
        ...(v.description ? { description: v.description } : {}),
        ...(derive
          ? { copyFromVersionId: derive.versionId }
          : v.start === 'copy' && v.copyFromVersionId
            ? { copyFromVersionId: v.copyFromVersionId }
            : {}),
      },
      {
        onSuccess: (r) => {
          void message.success(t('create.done', { name: r.template.name }));
          onClose();
          void navigate(href(`/templates/versions/${r.version.id}`));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={derive ? t('deriveTitle') : t('create.title')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('create.ok')}
      cancelText={t('create.cancel')}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
    >
      {derive ? <Alert type="info" showIcon title={t('deriveHint')} style={{ marginBottom: 16 }} /> : null}
      {create.isError ? (
        <ErrorAlert error={create.error} title={t('editor.refused')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values> form={form} layout="vertical" validateTrigger={submitted ? 'onChange' : 'onBlur'}>
        <Form.Item
          name="code"
          label={t('create.code')}
          extra={t('create.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('create.codeRequired') },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('create.codePattern') },
            { max: 64 },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('create.name')}
          rules={[{ required: true, whitespace: true, message: t('create.nameRequired') }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('create.nameEn')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="subjectKind" label={t('create.subjectKind')} rules={[{ required: true }]}>
          <Select
            disabled={!!derive}
            options={TEMPLATE_SUBJECT_KINDS.map((k) => ({
              value: k,
              label: pick(TEMPLATE_SUBJECT_KIND_LABELS[k]),
            }))}
          />
        </Form.Item>
        <Form.Item name="fiscalYear" label={t('create.fiscalYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {derive ? null : (
          <>
            <Form.Item name="start" label={t('create.start')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'blank', label: t('create.blank') },
                  { value: 'copy', label: t('create.copy'), disabled: sourceOptions.length === 0 },
                ]}
              />
            </Form.Item>
            {start === 'copy' ? (
              <Form.Item
                name="copyFromVersionId"
                label={t('create.source')}
                rules={[{ required: true, message: t('create.sourceRequired') }]}
              >
                <Select
                  placeholder={t('create.sourcePlaceholder')}
                  options={sourceOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            ) : null}
          </>
        )}
        <Form.Item name="description" label={t('create.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
