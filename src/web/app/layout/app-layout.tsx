import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Layout, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { PrintHeader } from '../../components/print-header.tsx';
import { usePick, useT } from '../../lib/i18n.tsx';
import type { PageDef } from '../../lib/pages.ts';
import { PageAccessContext, RouteMetaContext } from '../../lib/route-meta.tsx';
import { ScopeProvider } from '../../lib/scope.tsx';
import { SessionProvider, hasPermission, useMe, useSession } from '../../lib/session.tsx';
import { useIdleCheck } from '../../lib/use-idle-check.ts';
import { matchPage } from '../menu.ts';
import { AppHeader } from './app-header.tsx';
import { SideMenu } from './side-menu.tsx';
import { ForbiddenPage, PageCrashed } from './status-pages.tsx';

const COLLAPSE_KEY = 'jixiao.menuCollapsed';

function FullPage({ children }: { children: React.ReactNode }) {
  return <div className="jx-full-center">{children}</div>;
}

/**
 * The signed-in frame: asks the server who is signed in (login page if nobody), then header, menu and the
 * page. Everything below it may use useSession() and useScope().
 */
export function AppLayout({ pages }: { pages: readonly PageDef[] }) {
  const me = useMe();
  const location = useLocation();
  const t = useT();

  if (me.isPending) {
    return (
      <FullPage>
        <Spin size="large" description={t('app.loading')} />
      </FullPage>
    );
  }
  if (me.isError) {
    if (me.error.status === 401) {
      const next = `${location.pathname}${location.search}`;
      const reason = me.error.code === 'SESSION_EXPIRED' ? '&reason=expired' : '';
      return <Navigate to={`/login?next=${encodeURIComponent(next)}${reason}`} replace />;
    }
    return (
      <FullPage>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} style={{ maxWidth: 560 }} />
      </FullPage>
    );
  }
  return (
    <SessionProvider me={me.data}>
      <ScopeProvider>
        <Shell pages={pages} />
      </ScopeProvider>
    </SessionProvider>
  );
}

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSE_KEY) === '1';
  } catch {
    return false;
  }
}

function Shell({ pages }: { pages: readonly PageDef[] }) {
  const t = useT();
  const me = useSession();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  useIdleCheck(me.idleTimeoutSeconds);
  const onCollapse = useCallback((c: boolean) => {
    setCollapsed(c);
    try {
      window.localStorage.setItem(COLLAPSE_KEY, c ? '1' : '0');
    } catch {
      // not remembered in private mode
    }
  }, []);

  const canOpen = useCallback(
    (path: string) => {
      const page = matchPage(pages, new URL(path, 'http://app.invalid').pathname);
      return page !== undefined && hasPermission(me, page.permission);
    },
    [pages, me],
  );

  return (
    <PageAccessContext.Provider value={canOpen}>
      <Layout style={{ minHeight: '100vh' }}>
        <a className="jx-skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <AppHeader />
        <Layout hasSider>
          <Layout.Sider
            className="jx-sider"
            theme="light"
            width={240}
            collapsible
            collapsed={collapsed}
            onCollapse={onCollapse}
            breakpoint="lg"
          >
            <SideMenu pages={pages} collapsed={collapsed} />
          </Layout.Sider>
          <Layout.Content id="main" className="jx-content">
            <PrintHeader />
            <ErrorBoundary
              key={pathname}
              fallback={() => <PageCrashed onReload={() => window.location.reload()} />}
            >
              <Suspense
                fallback={
                  <FullPage>
                    <Spin />
                  </FullPage>
                }
              >
                {me.user.mustChangePassword ? (
                  <Result
                    status="warning"
                    title={t('password.forcedTitle')}
                    subTitle={t('password.forcedNotice')}
                  />
                ) : (
                  <Outlet />
                )}
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </PageAccessContext.Provider>
  );
}

/** One registered page: checks its permission, names the browser tab, tells PageHeader where it is. */
export function PageGate({ page, pages }: { page: PageDef; pages: readonly PageDef[] }) {
  const me = useSession();
  const t = useT();
  const pick = usePick();
  const allowed = hasPermission(me, page.permission);
  const title = pick(page.title);
  useEffect(() => {
    document.title = `${title} - ${t('app.name')}`;
  }, [title, t]);
  const meta = useMemo(
    () => ({ page, parent: page.parent ? pages.find((p) => p.path === page.parent) : undefined }),
    [page, pages],
  );
  if (!allowed) return <ForbiddenPage />;
  const Page = page.component;
  return (
    <RouteMetaContext.Provider value={meta}>
      <Page />
    </RouteMetaContext.Provider>
  );
}
