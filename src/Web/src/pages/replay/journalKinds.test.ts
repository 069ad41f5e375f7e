import { describe, expect, it } from 'vitest';
import source from '../../../../Workflows/Journal/JournalEntry.cs?raw';
import { isPeopleAction, kindLabel, kindLabels } from './journalKinds';

const constants = [...source.matchAll(/public const string (\w+) = "(\w+)";/g)].map((m) => m[2] ?? '');

describe('journal kind labels', () => {
  it('reads every JournalKinds constant from the C# source', () => {
    expect(constants).toContain('TaskCompleted');
    expect(constants).toContain('Faulted');
    expect(constants.length).toBeGreaterThanOrEqual(31);
  });

  it.each(constants)('labels %s in Chinese and English', (kind) => {
    const label = kindLabels[kind];
    expect(label?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(label?.en).toBeTruthy();
  });

  it('falls back to the kind itself', () => {
    expect(kindLabel('zh', 'TaskCompleted')).toBe('任务办结');
    expect(kindLabel('en', 'TaskCompleted')).toBe('Task completed');
    expect(kindLabel('zh', 'Unknown')).toBe('Unknown');
  });
});

describe('people actions', () => {
  it('keeps what people do and 督办 by hand', () => {
    expect(isPeopleAction({ kind: 'TaskCompleted', data: {} })).toBe(true);
    expect(isPeopleAction({ kind: 'Urged', data: {} })).toBe(true);
    expect(isPeopleAction({ kind: 'SupervisionFlagged', data: { issued: 'manual' } })).toBe(true);
  });

  it('drops what the system does', () => {
    expect(isPeopleAction({ kind: 'SupervisionFlagged', data: { supervisingUnit: '140521' } })).toBe(false);
    expect(isPeopleAction({ kind: 'NodeEntered', data: { type: 'task' } })).toBe(false);
    expect(isPeopleAction({ kind: 'Reported', data: {} })).toBe(false);
  });
});
