import { Suspense, type ComponentType } from 'react';
import { useT } from '../i18n/useT';
import { pagesOf, type PageId } from '../routeTable';
import HomeRedirect from './HomeRedirect';
import Shell from './Shell';
import { useSignedIn } from './useSession';

interface Props {
  page: PageId;
  component: ComponentType;
}

// A page the role may see, in the shell; any other sends the user home.
export default function PageGate({ page, component: Page }: Props) {
  const t = useT();
  if (!pagesOf(useSignedIn().role).includes(page)) return <HomeRedirect />;
  return (
    <Shell page={page}>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <Page />
      </Suspense>
    </Shell>
  );
}
