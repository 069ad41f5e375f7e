import { useContext } from 'react';
import type { Session } from '../api/session';
import { SessionContext, type SessionState } from './SessionContext';

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession needs the SessionContext of App.');
  return state;
}

/** The signed-in user, on pages that are only shown to one. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('This page is only shown to a signed-in user.');
  return session;
}
