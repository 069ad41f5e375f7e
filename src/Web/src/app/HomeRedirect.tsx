import { Navigate } from 'react-router';
import { pageHome, pagesOf } from '../routeTable';
import Shell from './Shell';
import { useSignedIn } from './useSession';

// The role's first page; a role without pages gets the top bar alone.
export default function HomeRedirect() {
  const home = pagesOf(useSignedIn().role)[0];
  return home ? <Navigate to={pageHome[home]} replace /> : <Shell page={null} />;
}
