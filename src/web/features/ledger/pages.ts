import { lazy } from 'react';
import { definePages } from '../../lib/pages.ts';

/** 整改台账: the ledger of rectification items, notices (通报) and their printable form. */
export const ledgerPages = definePages([
  {
    path: '/ledger/items',
    group: 'ledger',
    title: { zh: '整改台账', en: 'Rectification ledger' },
    permission: 'ledger.read',
    component: lazy(() => import('./components/items-page.tsx')),
    menu: { order: 10 },
  },
  {
    path: '/ledger/items/:id',
    group: 'ledger',
    title: { zh: '整改事项', en: 'Rectification item' },
    permission: 'ledger.read',
    component: lazy(() => import('./components/item-page.tsx')),
    parent: '/ledger/items',
  },
  {
    path: '/ledger/notices',
    group: 'ledger',
    title: { zh: '通报', en: 'Notices' },
    permission: 'ledger.read',
    component: lazy(() => import('./components/notices-page.tsx')),
    menu: { order: 20 },
  },
  {
    path: '/ledger/notices/new',
    group: 'ledger',
    title: { zh: '下达通报', en: 'Issue a notice' },
    permission: 'ledger.issue',
    component: lazy(() => import('./components/notice-new-page.tsx')),
    parent: '/ledger/notices',
  },
  {
    path: '/ledger/notices/:id',
    group: 'ledger',
    title: { zh: '通报详情', en: 'Notice' },
    permission: 'ledger.read',
    component: lazy(() => import('./components/notice-page.tsx')),
    parent: '/ledger/notices',
  },
]);
