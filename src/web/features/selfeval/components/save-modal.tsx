import { useEffect, useState } from 'react';
import { App, Alert, Form, Modal, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { SelfEvaluationSummary } from '../../../../contracts/selfeval.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatDateTime, formatScore } from '../../../lib/format.ts';
import { useMessages } from '../../../lib/i18n.tsx';
import { useScope, useScopedHref } from '../../../lib/scope.tsx';
import { useProjectOptions, useSaveSelfEvaluation } from '../api.ts';
import { selfEvalMessages } from '../messages.ts';

/** Years a self-evaluation may be for: the scope's year and the three before it. */
function yearsAround(year: number): number[] {
  return [year, year - 1, year - 2, year - 3];
}

/**
 * 保存为项目自评表: choose a project in scope and the year; when the project already has a table for the
 * year, the server answers 409 with the current one, which is shown before the user confirms replacing it.
 */
export function SaveModal({
  file,
  suggestedName,
  open,
  onClose,
}: {
  file: File;
  suggestedName: string | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(selfEvalMessages);
  const scope = useScope();
  const href = useScopedHref();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ projectId: string; fiscalYear: number }>();
  const [search, setSearch] = useState(suggestedName ?? '');
  const projects = useProjectOptions(search, scope.divisionCode, open);
  const save = useSaveSelfEvaluation();

  useEffect(() => {
    if (open) {
      setSearch(suggestedName ?? '');
      form.setFieldsValue({ fiscalYear: scope.fiscalYear });
      save.reset();
    }
    // reset only when the dialog opens
  }, [open]);

  // A single match for the table's own project name is chosen for the user.
  useEffect(() => {
    const list = projects.data;
    if (open && list && list.length === 1 && !form.getFieldValue('projectId') && search === suggestedName) {
      form.setFieldsValue({ projectId: list[0]!.id });
    }
  }, [projects.data, open, search, suggestedName, form]);

  const submit = (values: { projectId: string; fiscalYear: number }, version?: number) => {
    const project = projects.data?.find((p) => p.id === values.projectId);
    save.mutate(
      { file, projectId: values.projectId, fiscalYear: values.fiscalYear, ...(version ? { version } : {}) },
      {
        onSuccess: (r) => {
          const name = project?.name ?? r.selfEvaluation.projectName;
          void message.success(
            r.replaced
              ? t('save.replaced', {
                  project: name,
                  year: values.fiscalYear,
                  version: r.selfEvaluation.version,
                })
              : t('save.saved', { project: name, year: values.fiscalYear }),
          );
          onClose();
          void navigate(href(`/selfeval/${r.selfEvaluation.id}`));
        },
        onError: (e) => {
          const current =
            isApiError(e) && e.code === 'VERSION_CONFLICT'
              ? (e.details as { current?: SelfEvaluationSummary } | undefined)?.current
              : undefined;
          if (!current) return;
          save.reset();
          modal.confirm({
            title: t('save.exists'),
            content: t('save.existsDetail', {
              printed: formatScore(current.printedTotal),
              formula: formatScore(current.formulaTotal),
              grade: current.grade ?? '—',
              findings: current.findingCount,
              time: formatDateTime(current.updatedAt),
            }),
            okText: t('save.replace'),
            okButtonProps: { danger: true },
            onOk: () => submit(values, current.version),
          });
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('save.title')}
      okText={t('save.ok')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => submit(v))}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('save.note')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="projectId"
          label={t('save.project')}
          rules={[{ required: true, message: t('save.projectRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
            placeholder={t('save.projectPlaceholder')}
            loading={projects.isFetching}
            notFoundContent={projects.isFetching ? null : t('save.noProjects')}
            options={(projects.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${p.proCode}${p.departmentName ? ` · ${p.departmentName}` : ''}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="fiscalYear"
          label={t('save.year')}
          rules={[{ required: true, message: t('save.yearRequired') }]}
        >
          <Select options={yearsAround(scope.fiscalYear).map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
      </Form>
      {save.isError && !(isApiError(save.error) && save.error.code === 'VERSION_CONFLICT') ? (
        <ErrorAlert error={save.error} />
      ) : null}
      {projects.isError ? <Alert type="error" title={projects.error.message} /> : null}
    </Modal>
  );
}
