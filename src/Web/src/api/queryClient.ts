import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

// A refused request (4xx) answers the same the second time: only network failures and 5xx are retried.
function retry(failures: number, error: Error): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Pages refresh when they open, after a change (mutations invalidate what they touch) or on request;
      // not behind the user's back when the window regains focus.
      queries: { retry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
