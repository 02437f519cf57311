import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

export const selfEvalPages = definePages([
  {
    path: '/selfeval/check',
    group: 'evaluation',
    title: { zh: '自评表核查', en: 'Self-evaluation check' },
    permission: 'selfeval.check',
    component: lazy(() => import('./components/check-page.tsx')),
    menu: { order: 10 },
  },
  {
    path: '/selfeval',
    group: 'evaluation',
    title: { zh: '项目自评表', en: 'Project self-evaluations' },
    permission: 'selfeval.read',
    component: lazy(() => import('./components/list-page.tsx')),
    menu: { order: 20 },
  },
  {
    path: '/selfeval/:id',
    group: 'evaluation',
    title: { zh: '自评表详情', en: 'Self-evaluation' },
    permission: 'selfeval.read',
    component: lazy(() => import('./components/detail-page.tsx')),
    parent: '/selfeval',
  },
]);
