import { MENU_GROUPS, type MenuGroup, type PageDef } from '../lib/pages.ts';

/**
 * The left menu as data: groups in the closed-loop order, each with the registered pages the user may
 * open. Groups without such a page are left out: no placeholders.
 */
export interface MenuSection {
  readonly group: MenuGroup;
  /** A single page standing for the whole group (首页): shown as one item, not a submenu. */
  readonly entry: PageDef | undefined;
  readonly pages: readonly PageDef[];
}

export function buildMenu(pages: readonly PageDef[], permissions: readonly string[]): MenuSection[] {
  const allowed = new Set(permissions);
  const sections: MenuSection[] = [];
  for (const group of MENU_GROUPS) {
    const inGroup = pages
      .filter((p) => p.group === group && p.menu && allowed.has(p.permission))
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.menu?.order ?? 0) - (b.p.menu?.order ?? 0) || a.i - b.i)
      .map(({ p }) => p);
    if (inGroup.length === 0) continue;
    const entry = inGroup.length === 1 && inGroup[0]?.menu?.groupEntry ? inGroup[0] : undefined;
    sections.push({ group, entry, pages: inGroup });
  }
  return sections;
}

/** The registered page whose path matches a location (':param' segments match any one segment). */
export function matchPage(pages: readonly PageDef[], pathname: string): PageDef | undefined {
  const parts = trimSlashes(pathname);
  let best: { page: PageDef; score: number } | undefined;
  for (const page of pages) {
    const pattern = trimSlashes(page.path);
    if (pattern.length !== parts.length) continue;
    let score = 0;
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      const seg = pattern[i]!;
      if (seg.startsWith(':')) continue;
      if (seg !== parts[i]) {
        ok = false;
        break;
      }
      score++;
    }
    if (ok && (!best || score > best.score)) best = { page, score };
  }
  return best?.page;
}

function trimSlashes(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}
