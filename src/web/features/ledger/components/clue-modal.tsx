import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { MANUAL_SOURCE_TYPES, SEVERITIES } from '../../../../core/ledger/types.ts';
import { errorText } from '../../../lib/api-error.ts';
import { useLang, useMessages } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { uploadClueDocument, useCreateClue, useOwners } from '../api.ts';
import { ledgerMessages } from '../messages.ts';
import { wanToFen } from './shared.tsx';

interface Values {
  source: (typeof MANUAL_SOURCE_TYPES)[number];
  title?: string;
  description: string;
  sourceDocument: string;
  severity: (typeof SEVERITIES)[number];
  amountWan?: number | null;
  fiscalYear?: number | null;
  ownerOrgId: string;
  requirement: string;
  deadline: Dayjs;
}

/** 录入问题线索: a finding of supervision, audit or inspection with its source document, issued at once. */
export function ClueModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(ledgerMessages);
  const { lang } = useLang();
  const scope = useScope();
  const href = useScopedHref();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const owners = useOwners(scope.divisionCode, open);
  const create = useCreateClue();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setError(null);
    try {
      const d = await create.mutateAsync({
        source: v.source,
        title: v.title?.trim() ?? '',
        description: v.description,
        sourceDocument: v.sourceDocument,
        severity: v.severity,
        amountFen: v.amountWan === undefined || v.amountWan === null ? null : wanToFen(v.amountWan),
        fiscalYear: v.fiscalYear ?? null,
        ownerOrgId: v.ownerOrgId,
        requirement: v.requirement,
        deadline: v.deadline.format('YYYY-MM-DD'),
      });
      if (file && d.clue) await uploadClueDocument(d.clue.id, file);
      void message.success(t('clue.saved'));
      form.resetFields();
      setFile(null);
      onClose();
      void navigate(href(`/ledger/items/${d.item.id}`));
    } catch (e) {
      setError(e);
    }
  };

  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open={open}
      title={t('clue.title')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {lang === 'en' ? 'Cancel' : '取消'}
        </Button>,
        <Button key="ok" type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t('clue.save')}
        </Button>,
      ]}
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          source: 'audit',
          severity: 'medium',
          fiscalYear: scope.fiscalYear,
          deadline: dayjs().add(60, 'day'),
        }}
        validateTrigger={['onChange', 'onBlur']}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: '0 16px' }}>
          <Form.Item name="source" label={t('clue.source')} rules={required}>
            <Select options={MANUAL_SOURCE_TYPES.map((s) => ({ value: s, label: t(`source.${s}`) }))} />
          </Form.Item>
          <Form.Item name="severity" label={t('clue.severity')} rules={required}>
            <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
          </Form.Item>
          <Form.Item name="fiscalYear" label={t('clue.year')}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="sourceDocument" label={t('clue.document')} rules={required}>
          <Input maxLength={300} placeholder={t('clue.documentPlaceholder')} />
        </Form.Item>
        <Form.Item name="title" label={t('clue.name')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('clue.description')} rules={required}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: '0 16px' }}>
          <Form.Item name="ownerOrgId" label={t('clue.owner')} rules={required}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('clue.ownerPlaceholder')}
              loading={owners.isLoading}
              options={(owners.data ?? []).map((o) => ({
                value: o.id,
                label: o.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="amountWan" label={t('clue.amount')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="requirement" label={t('clue.requirement')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: '0 16px' }}>
          <Form.Item name="deadline" label={t('clue.deadline')} rules={required}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
          </Form.Item>
          <Form.Item label={t('clue.file')}>
            <Upload
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{t('clue.file')}</Button>
            </Upload>
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
