import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

/** 综合评价与画像 › 情景模拟 (M11): what if a weight, threshold, grade band or cut ratio changes. */
export const whatIfPages = definePages([
  {
    path: '/portraits/whatif',
    group: 'portraits',
    title: { zh: '情景模拟', en: 'What-if simulation' },
    permission: 'scenarios.run',
    component: lazy(() => import('./components/whatif-page.tsx')),
    menu: { order: 40 },
  },
]);
