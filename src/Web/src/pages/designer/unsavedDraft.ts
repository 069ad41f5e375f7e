import type { DefinitionDocument } from '../../api/types';

// The designer's unsaved document, kept in the browser per definition on every edit, so that leaving the page (or a
// crash, or a reload) loses nothing: the next time the definition is opened it is offered back.

export interface UnsavedDraft {
  doc: DefinitionDocument;
  /** When it was last kept, ISO 8601. */
  keptAt: string;
}

/** The storage the drafts live in: localStorage in the browser, a map in tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (definitionId: string) => `gridcase.unsaved.${definitionId}`;

export function keepUnsaved(storage: DraftStorage, definitionId: string, doc: DefinitionDocument, now: Date = new Date()) {
  try {
    storage.setItem(keyOf(definitionId), JSON.stringify({ doc, keptAt: now.toISOString() } satisfies UnsavedDraft));
  } catch {
    // A full or disabled storage only loses the safety net, never the edit on screen.
  }
}

export function readUnsaved(storage: DraftStorage, definitionId: string): UnsavedDraft | null {
  const text = storage.getItem(keyOf(definitionId));
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !('doc' in value) || !('keptAt' in value)) return null;
    const { doc, keptAt } = value;
    if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { nodes?: unknown }).nodes) || typeof keptAt !== 'string') return null;
    return { doc: doc as DefinitionDocument, keptAt };
  } catch {
    return null;
  }
}

export function forgetUnsaved(storage: DraftStorage, definitionId: string) {
  storage.removeItem(keyOf(definitionId));
}

/** Whether two documents say the same (key order as written by the same code, so the text compares). */
export function sameDocument(a: DefinitionDocument, b: DefinitionDocument) {
  return JSON.stringify(a) === JSON.stringify(b);
}
