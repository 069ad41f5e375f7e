import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { loadSession, saveSession, SIGNED_OUT_EVENT, type Session } from '../api/session';
import { LangContext } from '../i18n/LangContext';
import type { Lang } from '../i18n/translate';
import AppRoutes from './AppRoutes';
import { SessionContext } from './SessionContext';

const LANG_KEY = 'gridcase.lang';

// A data router, so that a page can hold back a navigation (the designer asks before unsaved edits are left behind).
const router = createBrowserRouter([{ path: '*', element: <AppRoutes /> }]);

// The language and the session around the router. Signing out forgets everything fetched for the user.
export default function App() {
  const queryClient = useQueryClient();
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const [session, setSession] = useState<Session | null>(loadSession);
  const setLang = useCallback((value: Lang) => { localStorage.setItem(LANG_KEY, value); setLangState(value); }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);
  useEffect(() => {
    const onSignedOut = () => { setSession(null); queryClient.clear(); };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [queryClient]);

  const sessionState = useMemo(() => ({
    session,
    signIn: (value: Session) => { saveSession(value); setSession(value); },
    signOut: () => {
      saveSession(null);
      setSession(null);
      queryClient.clear();
    },
  }), [session, queryClient]);
  const langState = useMemo(() => ({ lang, setLang }), [lang, setLang]);

  return (
    <LangContext.Provider value={langState}>
      <SessionContext.Provider value={sessionState}>
        <RouterProvider router={router} />
      </SessionContext.Provider>
    </LangContext.Provider>
  );
}
