import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

export const jobPages = definePages([
  {
    path: '/system/jobs',
    group: 'system',
    title: { zh: '后台任务', en: 'Background jobs' },
    permission: 'jobs.read',
    component: lazy(() => import('./components/jobs-page.tsx')),
    menu: { order: 90 },
  },
]);
