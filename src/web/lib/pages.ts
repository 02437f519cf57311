import type { ComponentType } from 'react';
import type { Permission } from '../../core/access/roles.ts';
import type { MessageKey } from './messages.ts';

/**
 * What a feature declares to get a page (and, if it wants, a menu entry). The shell builds the routes and
 * the left menu from the list in app/pages.ts; a menu entry appears only when its page is registered and
 * the user holds its permission.
 */

/** The left menu's groups, in the order of the closed loop (UX.md). */
export const MENU_GROUPS = [
  'home',
  'projects',
  'exAnte',
  'goals',
  'monitoring',
  'evaluation',
  'results',
  'portraits',
  'ledger',
  'indicators',
  'standards',
  'publication',
  'system',
] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export const MENU_GROUP_LABELS: Record<MenuGroup, MessageKey> = {
  home: 'menu.home',
  projects: 'menu.projects',
  exAnte: 'menu.exAnte',
  goals: 'menu.goals',
  monitoring: 'menu.monitoring',
  evaluation: 'menu.evaluation',
  results: 'menu.results',
  portraits: 'menu.portraits',
  ledger: 'menu.ledger',
  indicators: 'menu.indicators',
  standards: 'menu.standards',
  publication: 'menu.publication',
  system: 'menu.system',
};

export interface PageDef {
  /** Absolute route path, may hold params: '/system/divisions', '/projects/:id'. */
  readonly path: string;
  /** The menu group the page belongs to (menu highlight and breadcrumbs). */
  readonly group: MenuGroup;
  /** Page title for the menu, breadcrumbs and the browser tab. */
  readonly title: { readonly zh: string; readonly en: string };
  /** Needed to see the menu entry and to open the page. */
  readonly permission: Permission;
  /** The page, lazily loaded: `lazy(() => import('./components/x-page.tsx'))`. */
  readonly component: ComponentType;
  /**
   * Present for pages in the left menu; leave out for pages reached by links (details, forms).
   * `order` sorts entries inside the group; `groupEntry` makes the page the group's single menu item
   * (首页) instead of an item inside a submenu.
   */
  readonly menu?: { readonly order?: number; readonly groupEntry?: boolean };
  /** For pages outside the menu: the path of the page above it in the breadcrumbs. */
  readonly parent?: string;
}

/** Identity helper that checks a feature's page list against PageDef. */
export function definePages(pages: readonly PageDef[]): readonly PageDef[] {
  return pages;
}
