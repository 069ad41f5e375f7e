import { describe, expect, it } from 'vitest';
import type { Role } from './api/types';
import { consoleRoutePaths, pageHome, pagesOf, routeTable } from './routeTable';

describe('the route table', () => {
  it('is the page registry: each path once, absolute, and none the API owns', () => {
    const paths = consoleRoutePaths();
    expect(paths).toEqual(['/designer', '/queue', '/queue/:taskId', '/replay', '/replay/:caseId', '/admin', '/admin/:section']);
    expect(paths.every((p) => p.startsWith('/') && !/^\/(api|health|swagger)(\/|$)/.test(p))).toBe(true);
  });

  it('has a route for every page’s home', () => {
    for (const [page, home] of Object.entries(pageHome)) {
      expect(routeTable).toContainEqual({ page, path: home });
    }
  });

  it('sends each working role to its queue first and the others to their own pages', () => {
    const homes = (['PolicyAdmin', 'Dispatcher', 'Handler', 'GridMember', 'Auditor'] as Role[]).map((role) => pagesOf(role)[0]);
    expect(homes).toEqual(['designer', 'queue', 'queue', 'queue', 'replay']);
    expect(pagesOf('Auditor')).toEqual(['replay']);
  });

  it('sends a system administrator to the administration area and nowhere else', () => {
    expect(pagesOf('SystemAdmin')).toEqual(['admin']);
    expect(pageHome.admin).toBe('/admin');
  });
});
