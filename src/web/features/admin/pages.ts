import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

export const adminPages = definePages([
  {
    path: '/system/users',
    group: 'system',
    title: { zh: '用户管理', en: 'Users' },
    permission: 'users.read',
    component: lazy(() => import('./components/users-page.tsx')),
    menu: { order: 10 },
  },
  {
    path: '/system/organizations',
    group: 'system',
    title: { zh: '单位管理', en: 'Organizations' },
    permission: 'organizations.read',
    component: lazy(() => import('./components/organizations-page.tsx')),
    menu: { order: 20 },
  },
  {
    path: '/system/audit',
    group: 'system',
    title: { zh: '审计日志', en: 'Audit log' },
    permission: 'audit.read',
    component: lazy(() => import('./components/audit-page.tsx')),
    menu: { order: 40 },
  },
]);
