import { describe, expect, it } from 'vitest';
import type { DefinitionDocument } from '../../api/types';
import { forgetUnsaved, keepUnsaved, readUnsaved, sameDocument, type DraftStorage } from './unsavedDraft';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => { items.set(k, v); },
    removeItem: (k) => { items.delete(k); },
  };
}

const doc = (title: string): DefinitionDocument => ({
  id: 'event-handling', name: '事件处置', nodes: [{ id: 'report', type: 'Start', title, props: {} }], connections: [],
});

describe('unsaved drafts', () => {
  it('keeps a document per definition and gives it back', () => {
    const storage = memoryStorage();
    keepUnsaved(storage, 'event-handling', doc('上报（改）'), new Date('2026-12-05T10:00:00Z'));
    keepUnsaved(storage, 'other', doc('别的'));
    const back = readUnsaved(storage, 'event-handling');
    expect(back?.doc.nodes[0]?.title).toBe('上报（改）');
    expect(back?.keptAt).toBe('2026-12-05T10:00:00.000Z');
    expect(readUnsaved(storage, 'other')?.doc.nodes[0]?.title).toBe('别的');
  });

  it('forgets a document once saved', () => {
    const storage = memoryStorage();
    keepUnsaved(storage, 'event-handling', doc('x'));
    forgetUnsaved(storage, 'event-handling');
    expect(readUnsaved(storage, 'event-handling')).toBeNull();
  });

  it.each(['not json', '{"keptAt":"x"}', '{"doc":{"nodes":3},"keptAt":"x"}', 'null'])('ignores what it cannot read: %s', (text) => {
    const storage = memoryStorage();
    storage.setItem('gridcase.unsaved.event-handling', text);
    expect(readUnsaved(storage, 'event-handling')).toBeNull();
  });

  it('survives a storage that refuses to keep', () => {
    const storage: DraftStorage = { getItem: () => null, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    expect(() => keepUnsaved(storage, 'event-handling', doc('x'))).not.toThrow();
  });

  it('compares documents by what they say', () => {
    expect(sameDocument(doc('a'), doc('a'))).toBe(true);
    expect(sameDocument(doc('a'), doc('b'))).toBe(false);
  });
});
