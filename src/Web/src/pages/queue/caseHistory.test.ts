import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../api/types';
import { caseHistory, returnReasons, unitName } from './caseHistory';

const entry = (seq: number, kind: string, data: unknown, nodeId: string | null = null, unit: string | null = 'U1'): JournalEntry => ({
  seq, at: `2026-03-02T10:0${seq}:00Z`, actor: { userId: 'u', role: 'Dispatcher', unit }, kind, nodeId,
  definition: { definitionId: 'event-handling', version: 2 }, rule: null, data, prevHash: '', hash: '',
});

const journal = [
  entry(1, 'Reported', {}),
  entry(2, 'TaskCompleted', { taskId: 't1', outcome: 'filed', data: { difficulty: 2, scope: 'Township' } }, 'triage'),
  entry(3, 'TaskCompleted', { taskId: 't2', outcome: 'returned', data: { reason: '不属本单位' } }, 'handle', 'U2'),
  entry(4, 'Reassigned', { unit: 'U3', reason: '改派到村' }),
  entry(5, 'TaskCompleted', { taskId: 't3', outcome: 'resolved', data: { resolution: '已清理' } }, 'handle', 'U3'),
];

describe('caseHistory', () => {
  it('lists decisions newest first with what was written', () => {
    const items = caseHistory(journal);
    expect(items.map((i) => [i.kind, i.nodeId, i.outcome, i.unit, i.note])).toEqual([
      ['completed', 'handle', 'resolved', 'U3', '已清理'],
      ['reassigned', null, null, 'U3', '改派到村'],
      ['completed', 'handle', 'returned', 'U2', '不属本单位'],
      ['completed', 'triage', 'filed', 'U1', null],
    ]);
  });

  it('keeps at most the limit', () => {
    expect(caseHistory(journal, 2).map((i) => i.seq)).toEqual([5, 4]);
  });
});

describe('returnReasons', () => {
  it('collects the reasons of every return', () => {
    expect(returnReasons(journal)).toEqual(['不属本单位']);
  });
});

describe('unitName', () => {
  it('names a unit, falls back to its code', () => {
    const units = [{ code: 'U1', name: '城关镇', level: 'Township', parentCode: null, kind: 'Area' }];
    expect(unitName(units, 'U1')).toBe('城关镇');
    expect(unitName(units, 'U9')).toBe('U9');
    expect(unitName(units, null)).toBe('—');
  });
});
