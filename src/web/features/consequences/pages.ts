import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

/** 结果应用: budget consequences of scoring results (proposals, confirmation) and their rules. */
export const consequencePages = definePages([
  {
    path: '/results/consequences',
    group: 'results',
    title: { zh: '奖惩与预算调整', en: 'Rewards and penalties' },
    permission: 'consequences.read',
    component: lazy(() => import('./components/consequences-page.tsx')),
    menu: { order: 10 },
  },
  {
    path: '/results/rules',
    group: 'results',
    title: { zh: '结果应用规则', en: 'Consequence rules' },
    permission: 'consequences.read',
    component: lazy(() => import('./components/rules-page.tsx')),
    menu: { order: 20 },
  },
]);
