import { App as AntApp, type ThemeConfig } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { onSignInRequired } from '../lib/api.ts';
import { I18nProvider } from '../lib/i18n.tsx';
import { makeQueryClient } from './query-client.ts';
import { pages } from './pages.ts';
import { makeRouter } from './router.tsx';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorInfo: '#1f5fbf',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
  },
  components: {
    Layout: { bodyBg: '#f4f6fa', siderBg: '#fff', headerBg: '#fff' },
  },
};

const queryClient = makeQueryClient();
const router = makeRouter(pages);

// A 401 UNAUTHENTICATED / SESSION_EXPIRED on any call: forget what was loaded and go to the login page with
// a notice, coming back to the same page afterwards.
onSignInRequired((error) => {
  const { pathname, search } = window.location;
  if (pathname.startsWith('/login')) return;
  const reason = error.code === 'SESSION_EXPIRED' ? 'expired' : 'unauthenticated';
  void router
    .navigate(`/login?reason=${reason}&next=${encodeURIComponent(pathname + search)}`, { replace: true })
    .then(() => queryClient.clear());
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider theme={theme}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </I18nProvider>
    </QueryClientProvider>
  );
}
