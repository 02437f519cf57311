import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

/** 综合评价与画像 › 评分运行 (runs, results, portraits) and 评分数据 (inputs). */
export const scoringPages = definePages([
  {
    path: '/portraits/scoring',
    group: 'portraits',
    title: { zh: '评分运行', en: 'Scoring runs' },
    permission: 'scoring.read',
    component: lazy(() => import('./components/runs-page.tsx')),
    menu: { order: 10 },
  },
  {
    path: '/portraits/scoring/inputs',
    group: 'portraits',
    title: { zh: '评分数据', en: 'Scoring inputs' },
    permission: 'scoring.read',
    component: lazy(() => import('./components/inputs-page.tsx')),
    menu: { order: 20 },
  },
  {
    path: '/portraits/scoring/inputs/:versionId/:subjectId',
    group: 'portraits',
    title: { zh: '评分数据填报', en: 'Enter inputs' },
    permission: 'scoring.read',
    component: lazy(() => import('./components/subject-inputs-page.tsx')),
    parent: '/portraits/scoring/inputs',
  },
  {
    path: '/portraits/scoring/runs/:runId',
    group: 'portraits',
    title: { zh: '评分结果', en: 'Run results' },
    permission: 'scoring.read',
    component: lazy(() => import('./components/run-page.tsx')),
    parent: '/portraits/scoring',
  },
  {
    path: '/portraits/scoring/runs/:runId/subjects/:subjectId',
    group: 'portraits',
    title: { zh: '评价对象画像', en: 'Subject portrait' },
    permission: 'scoring.read',
    component: lazy(() => import('./components/portrait-page.tsx')),
    parent: '/portraits/scoring',
  },
]);
