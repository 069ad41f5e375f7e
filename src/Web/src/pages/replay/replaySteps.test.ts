import { describe, expect, it } from 'vitest';
import { actorLabel, entryDetail, pathTaken, showValue, stepIndex } from './replaySteps';

describe('entryDetail', () => {
  it('gives a completed task its outcome and form', () => {
    const d = entryDetail({ kind: 'TaskCompleted', data: { taskId: 't', outcome: 'filed', data: { difficulty: 2, scope: 'Village' } } });
    expect(d.outcome).toBe('filed');
    expect(d.form).toEqual([['difficulty', 2], ['scope', 'Village']]);
  });

  it('gives a variable its name and value', () => {
    expect(entryDetail({ kind: 'VariableSet', data: { name: 'level', value: 'Township' } }).variable).toEqual({ name: 'level', value: 'Township' });
  });

  it('gives other entries nothing', () => {
    expect(entryDetail({ kind: 'NodeEntered', data: { type: 'task' } })).toEqual({ form: [] });
    expect(entryDetail({ kind: 'TaskCompleted', data: null })).toEqual({ form: [] });
  });
});

describe('pathTaken', () => {
  const connections = [
    { from: 'start', outcome: 'done', to: 'triage' },
    { from: 'triage', outcome: 'filed', to: 'handle' },
    { from: 'triage', outcome: 'invalid', to: 'end' },
  ];
  const entries = [
    { seq: 1, kind: 'Reported', nodeId: null },
    { seq: 2, kind: 'NodeEntered', nodeId: 'start' },
    { seq: 3, kind: 'NodeEntered', nodeId: 'triage' },
    { seq: 4, kind: 'TaskCompleted', nodeId: 'triage' },
    { seq: 5, kind: 'NodeEntered', nodeId: 'handle' },
  ];

  it('lists the nodes entered so far and the edges between them', () => {
    expect(pathTaken(entries, 4, connections)).toEqual({ nodes: ['start', 'triage'], edges: ['start:done->triage'] });
    expect(pathTaken(entries, 5, connections).edges).toEqual(['start:done->triage', 'triage:filed->handle']);
  });

  it('is empty before any node', () => {
    expect(pathTaken(entries, 1, connections)).toEqual({ nodes: [], edges: [] });
  });
});

describe('stepIndex', () => {
  const visible = [{ seq: 2 }, { seq: 5 }, { seq: 9 }];
  it('steps among visible entries and stops at the ends', () => {
    expect(stepIndex(visible, 5, 1)).toBe(9);
    expect(stepIndex(visible, 9, 1)).toBe(9);
    expect(stepIndex(visible, 2, -1)).toBe(2);
  });
  it('steps from a hidden entry to its visible neighbours', () => {
    expect(stepIndex(visible, 6, 1)).toBe(9);
    expect(stepIndex(visible, 6, -1)).toBe(5);
    expect(stepIndex([], 1, 1)).toBeNull();
  });
  it('shows values plainly', () => {
    expect(showValue('x')).toBe('x');
    expect(showValue(2)).toBe('2');
    expect(showValue(null)).toBe('—');
  });
});

describe('actorLabel', () => {
  it('names a person by name, the system in words, and an unknown user by id', () => {
    expect(actorLabel({ userId: 'd140521100', role: 'Dispatcher', unit: '140521100', name: '郑庄镇指挥中心调度员' }, '系统')).toBe('郑庄镇指挥中心调度员');
    expect(actorLabel({ userId: 'system', role: null, unit: null, name: null }, '系统')).toBe('系统');
    expect(actorLabel({ userId: 'gone', role: 'Handler', unit: null, name: null }, '系统')).toBe('gone');
  });
});
