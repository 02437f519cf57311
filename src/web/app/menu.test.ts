import { describe, expect, it } from 'vitest';
import type { PageDef } from '../lib/pages.ts';
import { buildMenu, matchPage } from './menu.ts';

const Page = () => null;
const page = (p: Partial<PageDef> & Pick<PageDef, 'path' | 'group'>): PageDef => ({
  title: { zh: p.path, en: p.path },
  permission: 'dashboard.read',
  component: Page,
  menu: {},
  ...p,
});

const pages: PageDef[] = [
  page({ path: '/system/divisions', group: 'system', permission: 'divisions.read', menu: { order: 50 } }),
  page({ path: '/system/users', group: 'system', permission: 'users.read', menu: { order: 10 } }),
  page({ path: '/', group: 'home', menu: { groupEntry: true } }),
  page({ path: '/projects', group: 'projects', permission: 'indicators.read' }),
  page({ path: '/projects/:id', group: 'projects', permission: 'indicators.read', parent: '/projects' }),
];
const { menu: _menu, ...detailWithoutMenu } = pages[4]!;
pages[4] = detailWithoutMenu;

describe('buildMenu', () => {
  it('orders groups by the closed loop and entries by their order; home is a single item', () => {
    const menu = buildMenu(pages, ['dashboard.read', 'divisions.read', 'users.read', 'indicators.read']);
    expect(menu.map((s) => s.group)).toEqual(['home', 'projects', 'system']);
    expect(menu[0]!.entry?.path).toBe('/');
    expect(menu[2]!.pages.map((p) => p.path)).toEqual(['/system/users', '/system/divisions']);
    expect(menu[1]!.pages.map((p) => p.path)).toEqual(['/projects']);
  });

  it('shows only what the user may open, and no empty groups', () => {
    const menu = buildMenu(pages, ['dashboard.read', 'divisions.read']);
    expect(menu.map((s) => s.group)).toEqual(['home', 'system']);
    expect(menu[1]!.pages.map((p) => p.path)).toEqual(['/system/divisions']);
  });
});

describe('matchPage', () => {
  it('prefers exact segments over params and matches details', () => {
    expect(matchPage(pages, '/projects/42')?.path).toBe('/projects/:id');
    expect(matchPage(pages, '/projects')?.path).toBe('/projects');
    expect(matchPage(pages, '/')?.path).toBe('/');
    expect(matchPage(pages, '/nothing/here')).toBeUndefined();
  });
});
