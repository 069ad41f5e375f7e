import { Outlet } from 'react-router';
import SignInPage from '../pages/signIn/SignInPage';
import { useSession } from './useSession';

// Signed out: the sign-in form, whatever the address (the page it names opens after signing in).
export default function AppLayout() {
  const { session } = useSession();
  return session ? <Outlet /> : <SignInPage />;
}
