import { useCallback, useLayoutEffect, useRef, useState } from 'react';

const LIMIT = 200;
/** Edits with the same key this close together are one step (typing in one field). */
const COALESCE_MS = 1500;

/**
 * Undo and redo over snapshots of the editor's state, taken before each edit (`remember`). `revision` changes
 * only when undo or redo replaces the state, so a panel keyed on it is re-created then and never while typing.
 */
export function useUndoHistory<S>(current: S, restore: (snapshot: S) => void) {
  const latest = useRef(current);
  useLayoutEffect(() => { latest.current = current; });
  const past = useRef<S[]>([]);
  const future = useRef<S[]>([]);
  const lastEdit = useRef<{ key: string | null; at: number }>({ key: null, at: 0 });
  const [depths, setDepths] = useState({ past: 0, future: 0 });
  const [revision, setRevision] = useState(0);
  const sync = useCallback(() => setDepths({ past: past.current.length, future: future.current.length }), []);

  const remember = useCallback((key: string | null = null) => {
    const now = Date.now();
    if (key && lastEdit.current.key === key && now - lastEdit.current.at < COALESCE_MS) { lastEdit.current.at = now; return; }
    lastEdit.current = { key, at: now };
    past.current.push(latest.current);
    if (past.current.length > LIMIT) past.current.shift();
    future.current = [];
    sync();
  }, [sync]);

  const travel = useCallback((from: { current: S[] }, to: { current: S[] }) => {
    const snapshot = from.current.pop();
    if (snapshot === undefined) return;
    to.current.push(latest.current);
    lastEdit.current = { key: null, at: 0 };
    restore(snapshot);
    setRevision((r) => r + 1);
    sync();
  }, [restore, sync]);

  const undo = useCallback(() => travel(past, future), [travel]);
  const redo = useCallback(() => travel(future, past), [travel]);
  return { remember, undo, redo, canUndo: depths.past > 0, canRedo: depths.future > 0, revision };
}
