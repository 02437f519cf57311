import { createContext, useContext } from 'react';
import type { PageDef } from './pages.ts';

/** The page being shown and the page above it (for details), set by the shell for PageHeader's breadcrumbs. */
export interface RouteMeta {
  readonly page: PageDef;
  readonly parent: PageDef | undefined;
}

export const RouteMetaContext = createContext<RouteMeta | null>(null);

export function useRouteMeta(): RouteMeta | null {
  return useContext(RouteMetaContext);
}

/**
 * Whether an in-app path leads to a registered page the user may open; links from the server (待办事项)
 * are shown as links only then, so nobody is sent to a page that does not exist yet.
 */
export const PageAccessContext = createContext<(path: string) => boolean>(() => false);

export function useCanOpen(): (path: string) => boolean {
  return useContext(PageAccessContext);
}
