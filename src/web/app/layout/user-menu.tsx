import { useState } from 'react';
import { App, Avatar, Button, Dropdown, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../core/access/roles.ts';
import { ChangePasswordModal } from '../../features/session/components/change-password-modal.tsx';
import { useLogout } from '../../features/session/api.ts';
import { errorText } from '../../lib/api-error.ts';
import { useLang, usePick, useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';

/** The signed-in user: name, roles and organization; 修改密码 and 退出登录. */
export function UserMenu() {
  const t = useT();
  const pick = usePick();
  const { lang } = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login?reason=loggedOut', { replace: true }),
      onError: (e) => void message.error(errorText(e, lang)),
    });

  const roles = me.user.roles.map((r) => pick(ROLE_LABELS[r])).join('、');
  const forced = me.user.mustChangePassword;

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              style: { cursor: 'default' },
              label: (
                <div style={{ maxWidth: 280, whiteSpace: 'normal', color: 'rgba(0,0,0,0.88)' }}>
                  <div style={{ fontWeight: 600 }}>{me.user.displayName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {me.user.username}
                  </Typography.Text>
                  <div style={{ fontSize: 12, marginTop: 4 }}>
                    {t('user.roles')}：{roles}
                  </div>
                  <div style={{ fontSize: 12 }}>
                    {t('user.organization')}：{me.user.organizationName ?? me.user.divisionName}
                  </div>
                </div>
              ),
            },
            { type: 'divider' },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: t('user.changePassword'),
              onClick: () => setChanging(true),
            },
            { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), onClick: signOut },
          ],
        }}
      >
        <Button type="text" aria-label={t('user.menu')} style={{ paddingInline: 8, height: 40 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />
          <span style={{ maxWidth: 140, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {me.user.displayName}
          </span>
        </Button>
      </Dropdown>
      <ChangePasswordModal
        open={changing || forced}
        forced={forced}
        onClose={() => setChanging(false)}
        onLogout={signOut}
      />
    </>
  );
}
