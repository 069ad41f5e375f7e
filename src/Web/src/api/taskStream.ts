import { loadSession } from './session';

/** Splits Server-Sent Events text into complete events' names; the unfinished tail is kept for the next chunk. */
export function parseEvents(buffer: string): { events: string[]; rest: string } {
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: string[] = [];
  for (const block of blocks) {
    let name: string | null = null;
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue; // a comment (open, keep-alive)
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) hasData = true;
    }
    if (name || hasData) events.push(name ?? 'message');
  }
  return { events, rest };
}

/** How long to wait before reconnecting after the stream ended or failed (grows to half a minute). */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}

/**
 * Listens to GET /api/tasks/stream with the bearer token in the Authorization header (a fetch stream, not an
 * EventSource, so no token travels in the URL) and calls onTasks for every `tasks` event, reconnecting until the
 * signal aborts. onOpen runs on every (re)connect, so the caller can refetch what it may have missed.
 */
export async function listenToTasks(onTasks: () => void, onOpen: () => void, signal: AbortSignal): Promise<void> {
  let attempt = 0;
  while (!signal.aborted) {
    const session = loadSession();
    if (!session) return;
    try {
      const response = await fetch('/api/tasks/stream', {
        headers: { Authorization: `Bearer ${session.accessToken}`, Accept: 'text/event-stream' },
        signal,
      });
      if (response.status === 401) return;
      if (response.ok && response.body) {
        attempt = 0;
        onOpen();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseEvents(buffer + value);
          buffer = parsed.rest;
          if (parsed.events.includes('tasks')) onTasks();
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt++)));
  }
}
