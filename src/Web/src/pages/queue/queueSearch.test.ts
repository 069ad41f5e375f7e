import { describe, expect, it } from 'vitest';
import {
  defaultFilters, isSubmitChord, isTyping, movedSelection, queueSearchParams, queueShortcut, stepOptions, taskPath, toggleChip,
} from './queueSearch';

const key = (k: string, target: unknown = { tagName: 'TR' }, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods, target: target as EventTarget });

describe('queueSearchParams', () => {
  it('asks for open tasks by due time without empty filters', () => {
    expect(queueSearchParams(defaultFilters)).toBe('sort=dueAt&pageSize=50&status=Open');
  });

  it('sends the trimmed search, the step, each chip and the cursor', () => {
    const params = new URLSearchParams(queueSearchParams(
      { q: '  QS-2026-000001 ', step: 'handle', status: '', sort: '-openedAt', chips: ['supervised', 'mine'] }, 'abc', 20));
    expect(Object.fromEntries(params)).toEqual({
      sort: '-openedAt', pageSize: '20', q: 'QS-2026-000001', step: 'handle', mine: 'true', supervised: 'true', cursor: 'abc',
    });
  });
});

describe('toggleChip', () => {
  it('adds and removes a chip', () => {
    expect(toggleChip([], 'overdue')).toEqual(['overdue']);
    expect(toggleChip(['overdue', 'supervised'], 'overdue')).toEqual(['supervised']);
  });

  it('keeps 我的 and 未认领 apart', () => {
    expect(toggleChip(['mine', 'overdue'], 'unclaimed')).toEqual(['overdue', 'unclaimed']);
    expect(toggleChip(['unclaimed'], 'mine')).toEqual(['mine']);
  });
});

describe('taskPath', () => {
  it('puts the task in the address, escaped', () => {
    expect(taskPath('a:b/c')).toBe('/queue/a%3Ab%2Fc');
    expect(taskPath(null)).toBe('/queue');
  });
});

describe('queueShortcut', () => {
  it.each([
    ['c', 'claim'], ['C', 'claim'], ['/', 'search'], ['j', 'next'], ['k', 'previous'], ['x', null], ['Enter', null],
  ] as const)('maps %s', (k, shortcut) => {
    expect(queueShortcut(key(k))).toBe(shortcut);
  });

  it.each(['INPUT', 'TEXTAREA', 'SELECT', 'input'])('stays quiet while typing in %s', (tagName) => {
    expect(queueShortcut(key('c', { tagName }))).toBeNull();
  });

  it('stays quiet in editable text and with modifiers', () => {
    expect(queueShortcut(key('c', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
    expect(queueShortcut(key('c', { tagName: 'TR' }, { ctrlKey: true }))).toBeNull();
    expect(queueShortcut(key('c', { tagName: 'TR' }, { metaKey: true }))).toBeNull();
  });
});

describe('isTyping and isSubmitChord', () => {
  it('knows nothing is typed without a target', () => {
    expect(isTyping(null)).toBe(false);
  });

  it('submits on Ctrl+Enter or ⌘+Enter only', () => {
    expect(isSubmitChord({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSubmitChord({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSubmitChord({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
  });
});

describe('movedSelection', () => {
  const ids = ['a', 'b', 'c'];
  it.each([
    [null, 1, 'a'], ['a', 1, 'b'], ['c', 1, 'c'], ['a', -1, 'a'], ['c', -1, 'b'], ['gone', 1, 'a'],
  ] as const)('from %s by %d is %s', (current, delta, expected) => {
    expect(movedSelection(ids, current, delta)).toBe(expected);
  });

  it('is nothing in an empty list', () => {
    expect(movedSelection([], 'a', 1)).toBeNull();
  });
});

describe('stepOptions', () => {
  it('lists each step once, by title where known, and keeps the chosen one', () => {
    const tasks = [{ id: '1', nodeId: 'triage' }, { id: '2', nodeId: 'handle' }, { id: '3', nodeId: 'triage' }];
    expect(stepOptions(tasks, { 3: '研判' }, 'verify')).toEqual([
      { id: 'handle', title: 'handle' }, { id: 'triage', title: '研判' }, { id: 'verify', title: 'verify' },
    ]);
  });
});
