import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router';
import { routeTable, type PageId } from '../routeTable';
import AppLayout from './AppLayout';
import HomeRedirect from './HomeRedirect';
import PageGate from './PageGate';

// Each page is its own chunk, loaded when its route is first visited (the canvas library only with the pages that draw one).
const pages: Record<PageId, LazyExoticComponent<ComponentType>> = {
  designer: lazy(() => import('../pages/designer/DesignerPage')),
  queue: lazy(() => import('../pages/queue/QueuePage')),
  replay: lazy(() => import('../pages/replay/ReplayPage')),
  admin: lazy(() => import('../pages/admin/AdminPage')),
};

// The route table as routes; any other address goes to the user's home page.
export default function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomeRedirect />} />
        {routeTable.map(({ page, path }) => (
          <Route key={path} path={path} element={<PageGate page={page} component={pages[page]} />} />
        ))}
        <Route path="*" element={<HomeRedirect />} />
      </Route>
    </Routes>
  );
}
