import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { FundProjectionScreenOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { LoginBody } from '../../../../contracts/session.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { useLang, useT } from '../../../lib/i18n.tsx';
import { safeNextPath } from '../../../lib/scope-core.ts';
import { useMe } from '../../../lib/session.tsx';
import { useLogin } from '../api.ts';

const NOTICES = {
  expired: { type: 'warning', key: 'login.notice.expired' },
  unauthenticated: { type: 'info', key: 'login.notice.unauthenticated' },
  loggedOut: { type: 'success', key: 'login.notice.loggedOut' },
} as const;

function isNoticeKey(x: string | null): x is keyof typeof NOTICES {
  return x !== null && Object.prototype.hasOwnProperty.call(NOTICES, x);
}

/**
 * 用户登录. Shows why the user is here (session expired, signed out), the server's refusal in its own words
 * (wrong password, account locked for 15 minutes …), and returns to the page the user came from.
 */
export function LoginPage() {
  const t = useT();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');
  const notice = isNoticeKey(reason) ? NOTICES[reason] : undefined;
  const me = useMe();
  const login = useLogin();

  useEffect(() => {
    document.title = `${t('login.title')} - ${t('app.name')}`;
  }, [t]);

  if (me.isSuccess) return <Navigate to={next} replace />;

  const submit = (values: LoginBody) =>
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );

  return (
    <div className="jx-login">
      <div className="jx-login-top">
        <LanguageSwitch />
      </div>
      <main className="jx-login-main">
        <div className="jx-login-card">
          <div className="jx-login-brand">
            <span className="jx-brand-mark" aria-hidden>
              <FundProjectionScreenOutlined />
            </span>
            <Typography.Title level={lang === 'en' ? 3 : 2} style={{ margin: '12px 0 4px' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.slogan')}</Typography.Text>
          </div>
          <Card title={t('login.title')}>
            {me.isPending ? (
              <div style={{ textAlign: 'center', padding: 24 }}>
                <Spin />
              </div>
            ) : (
              <>
                {notice && !login.isError ? (
                  <Alert type={notice.type} showIcon title={t(notice.key)} style={{ marginBottom: 16 }} />
                ) : null}
                {login.isError ? (
                  <ErrorAlert error={login.error} title={t('login.failed')} style={{ marginBottom: 16 }} />
                ) : null}
                <Form<LoginBody> layout="vertical" onFinish={submit} requiredMark={false} size="large">
                  <Form.Item
                    name="username"
                    label={t('login.username')}
                    rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
                  >
                    <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
                  </Form.Item>
                  <Form.Item
                    name="password"
                    label={t('login.password')}
                    rules={[{ required: true, message: t('login.passwordRequired') }]}
                  >
                    <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" block loading={login.isPending}>
                    {t('login.submit')}
                  </Button>
                </Form>
              </>
            )}
          </Card>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12, textAlign: 'center' }}>
            {t('login.hint')}
          </Typography.Paragraph>
        </div>
      </main>
    </div>
  );
}
