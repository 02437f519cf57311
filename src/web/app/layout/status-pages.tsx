import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../lib/i18n.tsx';
import { useScopedHref } from '../../lib/scope.tsx';

/** 页面不存在 — with the way back. */
export function NotFoundPage() {
  const t = useT();
  const href = useScopedHref();
  return (
    <Result
      status="404"
      title={t('error.notFound')}
      subTitle={t('error.notFoundHint')}
      extra={
        <Link to={href('/')}>
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}

/** 无权访问 — and whom to ask. */
export function ForbiddenPage() {
  const t = useT();
  const href = useScopedHref();
  return (
    <Result
      status="403"
      title={t('error.forbidden')}
      subTitle={t('error.forbiddenHint')}
      extra={
        <Link to={href('/')}>
          <Button>{t('common.home')}</Button>
        </Link>
      }
    />
  );
}

/** A page that crashed while rendering. */
export function PageCrashed({ onReload }: { onReload: () => void }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('error.boundary')}
      subTitle={t('error.boundaryHint')}
      extra={<Button onClick={onReload}>{t('common.refresh')}</Button>}
    />
  );
}
