import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useT } from '../../../lib/i18n.tsx';
import { useChangePassword } from '../api.ts';
import { passwordProblems } from '../password-rules.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * 修改密码. `forced` (mustChangePassword after the first sign-in or a reset): it cannot be dismissed; the
 * only other way out is signing out.
 */
export function ChangePasswordModal({
  open,
  forced = false,
  onClose,
  onLogout,
}: {
  open: boolean;
  forced?: boolean;
  onClose: () => void;
  onLogout?: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [problems, setProblems] = useState<string[]>([]);

  const close = () => {
    form.resetFields();
    change.reset();
    setProblems([]);
    onClose();
  };

  const submit = (values: Values) => {
    setProblems([]);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.done'));
          close();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={forced ? t('password.forcedTitle') : t('password.title')}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      onCancel={close}
      destroyOnHidden
      footer={[
        forced ? (
          onLogout ? (
            <Button key="logout" onClick={onLogout}>
              {t('user.logout')}
            </Button>
          ) : null
        ) : (
          <Button key="cancel" onClick={close}>
            {t('password.cancel')}
          </Button>
        ),
        <Button key="submit" type="primary" loading={change.isPending} onClick={() => form.submit()}>
          {t('password.submit')}
        </Button>,
      ]}
    >
      {forced ? (
        <Alert type="info" showIcon title={t('password.forcedNotice')} style={{ marginBottom: 16 }} />
      ) : null}
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('password.failed')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {change.isError ? (
        <ErrorAlert error={change.error} title={t('password.failed')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={submit}
        onFinishFailed={({ errorFields }) => setProblems(errorFields.flatMap((f) => f.errors))}
        autoComplete="off"
      >
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.policy')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.newRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const first = passwordProblems(value, getFieldValue('currentPassword') as string)[0];
                return first ? Promise.reject(new Error(t(`password.${first}`))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
