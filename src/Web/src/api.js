// A thin fetch wrapper: adds the bearer token, turns ProblemDetails into ApiError.
const SESSION_KEY = 'gridcase.session';

export function loadSession() {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION_KEY));
    if (session && new Date(session.expiresAt) > new Date()) return session;
  } catch {
    // a damaged entry means signed out
  }
  return null;
}

export function saveSession(session) {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  get fieldErrors() {
    return this.problem.errors || {};
  }
}

export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const session = loadSession();
  const response = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Authorization: `Bearer ${session.accessToken}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && session) {
      saveSession(null);
      window.dispatchEvent(new Event('gridcase:signed-out'));
    }
    throw new ApiError(response.status, data);
  }
  return data;
}
