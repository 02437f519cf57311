import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/session/components/login-page.tsx';
import type { PageDef } from '../lib/pages.ts';
import { AppLayout, PageGate } from './layout/app-layout.tsx';
import { NotFoundPage } from './layout/status-pages.tsx';

/** /login outside the frame; every registered page inside it; anything else is 页面不存在. */
export function makeRouter(pages: readonly PageDef[]) {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: <AppLayout pages={pages} />,
      children: [
        ...pages.map((page) => ({ path: page.path, element: <PageGate page={page} pages={pages} /> })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
