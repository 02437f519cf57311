import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

export const dashboardPages = definePages([
  {
    path: '/',
    group: 'home',
    title: { zh: '首页', en: 'Home' },
    permission: 'dashboard.read',
    component: lazy(() => import('./components/dashboard-page.tsx')),
    menu: { groupEntry: true },
  },
]);
