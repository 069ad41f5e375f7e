import type { Role } from './api/types';
import type { MessageKey } from './i18n/messages';

// The console's pages and routes. The router is built from this table, and the build writes its paths to
// routes.json next to index.html: the API serves the app for exactly those paths (src/Api/Web/ConsoleRoutes.cs).
// Keep it free of React: vite.config.ts reads it.

export type PageId = 'designer' | 'queue' | 'replay' | 'admin';

export interface PageRoute {
  page: PageId;
  /** A React Router path: literal segments and `:param` segments. */
  path: string;
}

export const routeTable: readonly PageRoute[] = [
  { page: 'designer', path: '/designer' },
  { page: 'queue', path: '/queue' },
  { page: 'queue', path: '/queue/:taskId' },
  { page: 'replay', path: '/replay' },
  { page: 'replay', path: '/replay/:caseId' },
  { page: 'admin', path: '/admin' },
  { page: 'admin', path: '/admin/:section' },
];

/** Where the top bar's link to a page goes. */
export const pageHome: Record<PageId, string> = { designer: '/designer', queue: '/queue', replay: '/replay', admin: '/admin' };

export const pageNavKey: Record<PageId, MessageKey> = { designer: 'navDesigner', queue: 'navQueue', replay: 'navReplay', admin: 'navAdmin' };

// Which pages each role sees; the first is its home.
const pagesByRole: Partial<Record<Role, readonly PageId[]>> = {
  PolicyAdmin: ['designer', 'replay'],
  Dispatcher: ['queue', 'replay'],
  Handler: ['queue', 'replay'],
  GridMember: ['queue', 'replay'],
  Auditor: ['replay'],
  SystemAdmin: ['admin'],
};

export function pagesOf(role: Role): readonly PageId[] {
  return pagesByRole[role] ?? [];
}

/** The page registry written to routes.json: every route's path, once. */
export function consoleRoutePaths(): string[] {
  return [...new Set(routeTable.map((r) => r.path))];
}
