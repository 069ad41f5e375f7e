import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, messageOf } from './client';
import { loadSession, saveSession, SIGNED_OUT_EVENT, type Session } from './session';

// The client in Node: fetch, localStorage and window stand in for the browser's.
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

const session: Session = {
  accessToken: 'token-1', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), tokenType: 'Bearer', role: 'Dispatcher', unit: '140521100', username: 'd140521100',
};

function answer(status: number, body?: unknown, contentType = 'application/problem+json') {
  const fetch = vi.fn<(path: string, init: RequestInit) => Promise<Response>>(() =>
    Promise.resolve(new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await call.then(() => null, (e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('window', new EventTarget());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('asks for problems in the page’s language, Chinese when the page names none', async () => {
    const fetch = answer(200, {}, 'application/json');
    await api.get('/api/x');
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    await api.get('/api/y');
    const languages = fetch.mock.calls.map(([, init]) => (init.headers as Record<string, string>)['Accept-Language']);
    expect(languages).toEqual(['zh-CN', 'en']);
  });

  it('sends JSON with the signed-in user’s token and answers the parsed body', async () => {
    saveSession(session);
    const fetch = answer(200, { id: 'x' }, 'application/json');
    await expect(api.post('/api/things', { a: 1 }, { 'Idempotency-Key': 'k' })).resolves.toEqual({ id: 'x' });
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/things');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer token-1', 'Accept-Language': 'zh-CN', 'Idempotency-Key': 'k' });
  });

  it('sends no body, content type or token when there are none, only the language', async () => {
    const fetch = answer(204);
    await expect(api.get('/api/nothing')).resolves.toBeNull();
    const [, init] = fetch.mock.calls[0]!;
    expect(init).toEqual({ method: 'GET', headers: { 'Accept-Language': 'zh-CN' }, body: undefined });
  });

  it('throws the ProblemDetails as an ApiError named by its title', async () => {
    answer(400, { type: 'https://gridcase.dev/problems/validation', title: '请求无效 / The request is invalid.', status: 400, errors: { scope: ['scope is required.'] } });
    const error = await failure(api.post('/api/tasks/t/complete', {}));
    expect(error.status).toBe(400);
    expect(error.message).toBe('请求无效 / The request is invalid.');
    expect(error.fieldErrors).toEqual({ scope: ['scope is required.'] });
    expect(error.is('validation')).toBe(true);
    expect(error.is('no-push-down')).toBe(false);
  });

  it('names a problem without a title by its detail, and one without either by its status', async () => {
    answer(409, { detail: 'already claimed' });
    const detailed = await failure(api.post('/api/tasks/t/claim'));
    expect(detailed.message).toBe('already claimed');
    expect(messageOf(detailed)).toBe('already claimed');

    answer(502, '<html>bad gateway</html>', 'text/html');
    const bare = await failure(api.get('/api/tasks'));
    expect(bare.message).toBe('HTTP 502');
    expect(bare.problem).toEqual({});
    expect(bare.fieldErrors).toEqual({});
  });

  it('signs the user out on 401 and says so once', async () => {
    saveSession(session);
    const signedOut = vi.fn();
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    answer(401, { title: 'Unauthorized' });
    await failure(api.get('/api/tasks'));
    expect(loadSession()).toBeNull();
    expect(signedOut).toHaveBeenCalledTimes(1);

    answer(401, { title: 'Unauthorized' });
    await failure(api.get('/api/tasks'));
    expect(signedOut).toHaveBeenCalledTimes(1);
  });
});

describe('sessions', () => {
  it('forgets an expired or damaged session', () => {
    saveSession({ ...session, expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(loadSession()).toBeNull();
    localStorage.setItem('gridcase.session', '{not json');
    expect(loadSession()).toBeNull();
    saveSession(session);
    expect(loadSession()).toEqual(session);
  });
});

describe('messageOf', () => {
  it('reads the API’s detail first, then any error’s message', () => {
    expect(messageOf(new ApiError(404, { title: 'Not found', detail: '没有这个案件 / No such case.' }))).toBe('没有这个案件 / No such case.');
    expect(messageOf(new ApiError(404, { title: 'Not found' }))).toBe('Not found');
    expect(messageOf(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(messageOf('odd')).toBe('odd');
  });
});
