import { loadSession, saveSession, SIGNED_OUT_EVENT } from './session';
import type { ProblemDetails } from './types';

/** A failed API call: the HTTP status and the ProblemDetails the API answered. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails | null) {
    super(problem?.title || problem?.detail || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? {};
  }

  /** 400: messages by field. */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }

  /** Whether the problem type ends with the given code (`…/problems/no-push-down`). */
  is(code: string): boolean {
    return (this.problem.type ?? '').endsWith(code);
  }
}

/** What a person reads from any failure: the API's detail, its title, or the error's message. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail || error.message;
  return error instanceof Error ? error.message : String(error);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a CSV file), with its content type, instead of JSON. */
  raw?: { text: string; contentType: string };
  headers?: Record<string, string>;
}

function parse(text: string): unknown {
  return text ? JSON.parse(text) : null;
}

/** The language the page is shown in (`<html lang>`, which App keeps), Chinese when there is none. */
export function pageLanguage(): string {
  return (typeof document === 'undefined' ? '' : document.documentElement.lang) || 'zh-CN';
}

/** A fetch with the bearer token; answers the parsed JSON or throws an {@link ApiError}. */
export async function request<T>(path: string, { method = 'GET', body, raw, headers = {} }: RequestOptions = {}): Promise<T> {
  const session = loadSession();
  const response = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : raw ? { 'Content-Type': raw.contentType } : {}),
      ...(session ? { Authorization: `Bearer ${session.accessToken}` } : {}),
      // The page's language (App sets it): the API answers its problems in that language only.
      'Accept-Language': pageLanguage(),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : raw?.text,
  });
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401 && session) {
      saveSession(null);
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    }
    let problem: ProblemDetails | null = null;
    try {
      problem = parse(text) as ProblemDetails | null;
    } catch {
      // not JSON: the status says it all
    }
    throw new ApiError(response.status, problem);
  }
  return parse(text) as T;
}

export const api = {
  get: <T>(path: string) => request<T>(path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>(path, { method: 'POST', body, headers }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  postText: <T>(path: string, text: string, contentType: string) => request<T>(path, { method: 'POST', raw: { text, contentType } }),
};
