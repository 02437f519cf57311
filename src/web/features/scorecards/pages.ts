import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

/** 综合评价与画像 › 综合评价总览 (every scorecard of the year, 一键评分), 结果总表 and 对比. */
export const scorecardPages = definePages([
  {
    path: '/portraits/overview',
    group: 'portraits',
    title: { zh: '综合评价总览', en: 'Scorecards overview' },
    permission: 'scoring.read',
    component: lazy(() => import('./components/overview-page.tsx')),
    menu: { order: 5 },
  },
  {
    path: '/portraits/overview/runs/:runId',
    group: 'portraits',
    title: { zh: '评价结果总表', en: 'League table' },
    permission: 'scoring.read',
    component: lazy(() => import('./components/table-page.tsx')),
    parent: '/portraits/overview',
  },
  {
    path: '/portraits/overview/runs/:runId/compare',
    group: 'portraits',
    title: { zh: '评价对象对比', en: 'Side-by-side comparison' },
    permission: 'scoring.read',
    component: lazy(() => import('./components/compare-page.tsx')),
    parent: '/portraits/overview',
  },
]);
