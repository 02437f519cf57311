import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

export const divisionPages = definePages([
  {
    path: '/system/divisions',
    group: 'system',
    title: { zh: '行政区划', en: 'Administrative divisions' },
    permission: 'divisions.read',
    component: lazy(() => import('./components/division-tree-page.tsx')),
    menu: { order: 50 },
  },
]);
