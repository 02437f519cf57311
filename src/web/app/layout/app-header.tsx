import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useT } from '../../lib/i18n.tsx';
import { useScopedHref } from '../../lib/scope.tsx';
import { ScopeSwitcher } from './division-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

/** Product name, the current division and fiscal year (always visible), language and the user. */
export function AppHeader() {
  const t = useT();
  const href = useScopedHref();
  return (
    <header className="jx-header">
      <Link to={href('/')} className="jx-brand" aria-label={t('app.name')}>
        <span className="jx-brand-mark" aria-hidden>
          <FundProjectionScreenOutlined />
        </span>
        <span className="jx-brand-name">{t('app.name')}</span>
      </Link>
      <div className="jx-header-scope">
        <ScopeSwitcher />
      </div>
      <div className="jx-header-tools">
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
