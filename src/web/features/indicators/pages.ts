import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

export const indicatorPages = definePages([
  {
    path: '/indicators',
    group: 'indicators',
    title: { zh: '指标库', en: 'Indicator library' },
    permission: 'indicators.read',
    component: lazy(() => import('./components/indicator-library-page.tsx')),
    menu: { order: 10 },
  },
]);
