import type { TokenResponse } from './types';

// The signed-in user, kept in localStorage until the token expires.
const SESSION_KEY = 'gridcase.session';

/** Fired when the API answers 401 to a signed-in user (the token expired or was revoked). */
export const SIGNED_OUT_EVENT = 'gridcase:signed-out';

export interface Session extends TokenResponse {
  username: string;
}

export function loadSession(): Session | null {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    if (session && new Date(session.expiresAt) > new Date()) return session;
  } catch {
    // a damaged entry means signed out
  }
  return null;
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}
