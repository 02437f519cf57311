import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { IndicatorFieldsBody, type Indicator } from '../../../../contracts/indicators.ts';
import {
  FUND_CLASSES,
  FUND_CLASS_LABELS,
  INDICATOR_DIRECTIONS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_FRAMEWORK,
  INDICATOR_SCOPES,
  INDICATOR_SCOPE_LABELS,
  VALUE_BASES,
  VALUE_BASIS_LABELS,
} from '../../../../core/indicators/library.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { errorText, isApiError, type ApiError } from '../../../lib/api-error.ts';
import { useLang, useMessages, usePick } from '../../../lib/i18n.tsx';
import { useIndicator, useSaveIndicator } from '../api.ts';
import { indicatorMessages } from '../messages.ts';

type FieldName = keyof typeof IndicatorFieldsBody.shape;

interface FormValues {
  code: string;
  name: string;
  level1: string;
  level2: string;
  scope: Indicator['scope'];
  direction: Indicator['direction'];
  unit?: string | null;
  valueBasis?: Indicator['valueBasis'];
  referenceValue?: string | null;
  functionClassCode?: string | null;
  fundClass?: Indicator['fundClass'];
  evaluationStandard?: string | null;
  description?: string | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

const REQUIRED_TEXT: ReadonlySet<FieldName> = new Set(['code', 'name', 'level1', 'level2']);

/** The contract's rule for one field, run as the user types (the server runs the same one). */
function zodRule(field: FieldName): Rule {
  const schema = IndicatorFieldsBody.shape[field] as z.ZodType;
  return {
    validator: async (_rule, value: unknown) => {
      const empty = value === undefined || value === null || value === '';
      const v = empty ? (REQUIRED_TEXT.has(field) ? '' : null) : value;
      const input = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v;
      const r = schema.safeParse(input);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '');
    },
  };
}

const toValues = (i: Indicator): FormValues => ({
  code: i.code,
  name: i.name,
  level1: i.level1,
  level2: i.level2,
  scope: i.scope,
  direction: i.direction,
  unit: i.unit,
  valueBasis: i.valueBasis,
  referenceValue: i.referenceValue,
  functionClassCode: i.functionClassCode,
  fundClass: i.fundClass,
  evaluationStandard: i.evaluationStandard,
  description: i.description,
  validFrom: i.validFrom ? dayjs(i.validFrom) : null,
  validTo: i.validTo ? dayjs(i.validTo) : null,
});

const EMPTY: Partial<FormValues> = { scope: 'common', direction: 'positive', level1: '产出指标' };

/** 新增/编辑/查看 one library indicator: validation as you type, every problem listed on save. */
export function IndicatorDrawer({
  id,
  divisionCode,
  writableDivisions,
  divisionNames,
  onClose,
}: {
  id: string | null;
  divisionCode: string;
  writableDivisions: ReadonlySet<string>;
  divisionNames: Readonly<Record<string, string>>;
  onClose: () => void;
}) {
  const t = useMessages(indicatorMessages);
  const pick = usePick();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const existing = useIndicator(id);
  const save = useSaveIndicator();
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState<Indicator | null>(null);
  const level1 = Form.useWatch('level1', form);

  const record = existing.data;
  const readOnly = id !== null && (!record || !writableDivisions.has(record.mofDivCode));
  const creatingNotAllowed = id === null && writableDivisions.size === 0;

  useEffect(() => {
    if (id === null) form.setFieldsValue(EMPTY);
    else if (record) form.setFieldsValue(toValues(record));
  }, [id, record, form]);

  const level1Options = INDICATOR_FRAMEWORK.map((f) => ({ value: f.level1.zh, label: pick(f.level1) }));
  const level2Options = useMemo(
    () =>
      (
        INDICATOR_FRAMEWORK.find((f) => f.level1.zh === level1)?.level2 ??
        INDICATOR_FRAMEWORK.flatMap((f) => f.level2)
      ).map((l) => ({ value: l.zh, label: pick(l) })),
    [level1, pick],
  );

  const showServerError = (e: ApiError) => {
    const details = (e.details ?? {}) as {
      problems?: { path: string; message: string; messageEn: string }[];
      field?: string;
      current?: Indicator;
    };
    if (e.code === 'VERSION_CONFLICT' && details.current) {
      setConflict(details.current);
      return;
    }
    if (e.code === 'VALIDATION_FAILED' && details.problems) {
      const fields: { name: FieldName; errors: string[] }[] = [];
      for (const p of details.problems) {
        const name = p.path.replace(/^body\.?/, '').split('.')[0] as FieldName;
        if (name in IndicatorFieldsBody.shape) {
          fields.push({ name, errors: [lang === 'en' ? p.messageEn : p.message] });
        }
      }
      form.setFields(fields);
      setProblems(details.problems.map((p) => (lang === 'en' ? p.messageEn : p.message)));
      return;
    }
    if (details.field && details.field in IndicatorFieldsBody.shape) {
      form.setFields([{ name: details.field as FieldName, errors: [errorText(e, lang)] }]);
    }
    setProblems([errorText(e, lang)]);
  };

  const onSubmit = async () => {
    setProblems([]);
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch (e) {
      const errors = (e as { errorFields?: { errors: string[] }[] }).errorFields ?? [];
      setProblems(errors.flatMap((f) => f.errors));
      return;
    }
    const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
    const body = {
      code: values.code,
      name: values.name,
      level1: values.level1,
      level2: values.level2,
      scope: values.scope,
      direction: values.direction,
      unit: values.unit ?? null,
      valueBasis: values.valueBasis ?? null,
      referenceValue: values.referenceValue ?? null,
      functionClassCode: values.functionClassCode ?? null,
      fundClass: values.fundClass ?? null,
      evaluationStandard: values.evaluationStandard ?? null,
      description: values.description ?? null,
      validFrom: day(values.validFrom),
      validTo: day(values.validTo),
    };
    const onError = (e: ApiError) => (isApiError(e) ? showServerError(e) : setProblems([errorText(e, lang)]));
    if (id === null) {
      save.mutate(
        { id: null, body: { ...body, mofDivCode: divisionCode } },
        {
          onSuccess: (saved) => {
            void message.success(t('drawer.saved', { name: saved.name }));
            onClose();
          },
          onError,
        },
      );
    } else if (record) {
      save.mutate(
        { id, body: { ...body, version: record.version } },
        {
          onSuccess: (saved) => {
            void message.success(t('drawer.saved', { name: saved.name }));
            onClose();
          },
          onError,
        },
      );
    }
  };

  const title = id === null ? t('drawer.create') : readOnly ? t('drawer.view') : t('drawer.edit');
  const disabled = readOnly || creatingNotAllowed;
  const dateRule = (which: 'validFrom' | 'validTo'): Rule => ({
    validator: async () => {
      const from = form.getFieldValue('validFrom') as Dayjs | null | undefined;
      const to = form.getFieldValue('validTo') as Dayjs | null | undefined;
      if (which === 'validTo' && from && to && to.isBefore(from, 'day')) {
        throw new Error(lang === 'en' ? 'Valid-to cannot be before valid-from' : '失效日期不能早于生效日期');
      }
    },
  });

  return (
    <Drawer
      open
      title={title}
      size="large"
      onClose={onClose}
      destroyOnHidden
      extra={
        disabled ? null : (
          <Space>
            <Button onClick={onClose}>{t('drawer.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void onSubmit()}>
              {t('drawer.save')}
            </Button>
          </Space>
        )
      }
    >
      {existing.isError ? <ErrorAlert error={existing.error} /> : null}
      {id !== null && !record && !existing.isError ? <Skeleton active paragraph={{ rows: 12 }} /> : null}
      {record && readOnly ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('drawer.upper', { division: divisionNames[record.mofDivCode] ?? record.mofDivCode })}
        />
      ) : null}
      {record?.status === 'retired' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('drawer.retiredNote')} />
      ) : null}
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('drawer.conflict', { version: conflict.version })}
          action={
            <Button
              size="small"
              onClick={() => {
                form.setFieldsValue(toValues(conflict));
                existing.refetch();
                setConflict(null);
              }}
            >
              {t('drawer.reload')}
            </Button>
          }
        />
      ) : null}
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('drawer.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {id === null || record ? (
        <Form<FormValues> form={form} layout="vertical" disabled={disabled} requiredMark>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                name="code"
                label={t('field.code')}
                extra={t('field.codeHelp')}
                required
                rules={[zodRule('code')]}
              >
                <Input maxLength={64} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="name" label={t('field.name')} required rules={[zodRule('name')]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="level1" label={t('field.level1')} required rules={[zodRule('level1')]}>
                <AutoComplete options={level1Options} filterOption />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="level2" label={t('field.level2')} required rules={[zodRule('level2')]}>
                <AutoComplete options={level2Options} filterOption />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="scope" label={t('field.scope')} required>
                <Radio.Group
                  options={INDICATOR_SCOPES.map((s) => ({
                    value: s,
                    label: pick(INDICATOR_SCOPE_LABELS[s]),
                  }))}
                  optionType="button"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="direction" label={t('field.direction')} required>
                <Select
                  options={INDICATOR_DIRECTIONS.map((d) => ({
                    value: d,
                    label: pick(INDICATOR_DIRECTION_LABELS[d]),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="unit" label={t('field.unit')} rules={[zodRule('unit')]}>
                <Input placeholder={t('field.unitPlaceholder')} maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="referenceValue"
                label={t('field.referenceValue')}
                rules={[zodRule('referenceValue')]}
              >
                <Input placeholder={t('field.referencePlaceholder')} maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="valueBasis" label={t('field.valueBasis')}>
                <Select
                  allowClear
                  placeholder={t('field.none')}
                  options={VALUE_BASES.map((b) => ({ value: b, label: pick(VALUE_BASIS_LABELS[b]) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="fundClass" label={t('field.fundClass')}>
                <Select
                  allowClear
                  placeholder={t('field.none')}
                  options={FUND_CLASSES.map((f) => ({ value: f, label: pick(FUND_CLASS_LABELS[f]) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="functionClassCode"
                label={t('field.functionClassCode')}
                rules={[zodRule('functionClassCode')]}
              >
                <Input placeholder={t('field.functionClassPlaceholder')} maxLength={7} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="evaluationStandard"
                label={t('field.evaluationStandard')}
                rules={[zodRule('evaluationStandard')]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('field.description')} rules={[zodRule('description')]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="validFrom"
                label={t('field.validFrom')}
                extra={t('field.validityHelp')}
                rules={[dateRule('validFrom')]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="validTo"
                label={t('field.validTo')}
                extra={t('field.validityHelp')}
                dependencies={['validFrom']}
                rules={[dateRule('validTo')]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : null}
    </Drawer>
  );
}
