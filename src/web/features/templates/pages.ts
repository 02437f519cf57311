import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

export const templatePages = definePages([
  {
    path: '/templates',
    group: 'indicators',
    title: { zh: '指标模板', en: 'Indicator templates' },
    permission: 'templates.read',
    component: lazy(() => import('./components/template-list-page.tsx')),
    menu: { order: 20 },
  },
  {
    path: '/templates/:id',
    group: 'indicators',
    title: { zh: '模板详情', en: 'Template' },
    permission: 'templates.read',
    component: lazy(() => import('./components/template-detail-page.tsx')),
    parent: '/templates',
  },
  {
    path: '/templates/versions/:versionId',
    group: 'indicators',
    title: { zh: '模板版本', en: 'Template version' },
    permission: 'templates.read',
    component: lazy(() => import('./components/version-editor-page.tsx')),
    parent: '/templates',
  },
]);
