import { describe, expect, it } from 'vitest';
import { parseEvents, retryDelay } from './taskStream';

describe('parseEvents', () => {
  it('reads named events and skips comments', () => {
    expect(parseEvents(': open\n\nevent: tasks\ndata: {}\n\n: keep-alive\n\n')).toEqual({ events: ['tasks'], rest: '' });
  });

  it('keeps an unfinished event for the next chunk', () => {
    const first = parseEvents('event: tasks\nda');
    expect(first.events).toEqual([]);
    expect(parseEvents(first.rest + 'ta: {}\n\n').events).toEqual(['tasks']);
  });

  it('understands CRLF line ends and unnamed data', () => {
    expect(parseEvents('data: x\r\n\r\nevent: tasks\r\ndata: {}\r\n\r\n').events).toEqual(['message', 'tasks']);
  });
});

describe('retryDelay', () => {
  it('grows and stops at thirty seconds', () => {
    expect(retryDelay(0)).toBe(1000);
    expect(retryDelay(2)).toBe(4000);
    expect(retryDelay(10)).toBe(30000);
  });
});
