import { useEffect, useRef } from 'react';
import { queueShortcut, type QueueShortcut } from './queueSearch';

/** Calls `handle` for the queue's single-key shortcuts pressed anywhere on the page, never while typing. */
export function useQueueShortcuts(handle: (shortcut: QueueShortcut) => void): void {
  const latest = useRef(handle);
  useEffect(() => { latest.current = handle; });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = queueShortcut(event);
      if (!shortcut) return;
      event.preventDefault();
      latest.current(shortcut);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
