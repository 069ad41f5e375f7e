import { describe, expect, it } from 'vitest';
import type { Catalogue, TaskEvent } from '../../api/types';
import { catalogueView, categoryOfTask, deadlineState, newTaskIds } from './queueModel';

const now = Date.parse('2026-03-02T10:00:00Z');
const at = (minutesFromNow: number) => new Date(now + minutesFromNow * 60_000).toISOString();
const task = (warnAt: string | null, dueAt: string | null, flags: { warned?: boolean; overdue?: boolean } = {}) =>
  ({ warnAt, dueAt, warned: flags.warned ?? false, overdue: flags.overdue ?? false });

describe('deadlineState', () => {
  it.each([
    ['before the warning', task(at(10), at(60)), 'ok'],
    ['from the warning time', task(at(0), at(60)), 'warning'],
    ['from the due time', task(at(-50), at(0)), 'overdue'],
    ['without a deadline', task(null, null), 'ok'],
    ['when the server warned early', task(at(10), at(60), { warned: true }), 'warning'],
    ['when the server says overdue', task(at(10), at(60), { overdue: true }), 'overdue'],
  ] as const)('is right %s', (_, deadline, state) => {
    expect(deadlineState(deadline, now)).toBe(state);
  });
});

describe('categories', () => {
  const catalogue: Catalogue = {
    county: '140521', version: 1,
    categories: [
      { code: 'QS-01', name: '综治平安', items: [{ code: 'QS-01-001', name: '矛盾纠纷', owningDepartment: 'ZF', defaultLevel: 'Village', timeLimitHours: {}, countsTowardClosureRate: true, addedInVersion: 1 }] },
      { code: 'QS-03', name: '城市管理', items: [] },
    ],
  };
  const event = (catalogueItemCode: string): { event: TaskEvent } =>
    ({ event: { number: 'N', title: 'T', catalogueItemCode, gridCode: 'G', status: 'Reported', responsibleUnit: 'U', underSupervision: false } });

  it('maps each item code to its category', () => {
    expect(catalogueView(catalogue)).toEqual({ categories: catalogue.categories, categoryOf: { 'QS-01-001': 'QS-01' } });
    expect(catalogueView(null)).toEqual({ categories: [], categoryOf: {} });
  });

  it('finds a task’s category in the catalogue, else from its item code’s prefix', () => {
    const { categoryOf } = catalogueView(catalogue);
    expect(categoryOfTask(event('QS-01-001'), categoryOf)).toBe('QS-01');
    expect(categoryOfTask(event('QS-07-002'), categoryOf)).toBe('QS-07');
    expect(categoryOfTask(event('QS'), categoryOf)).toBe('');
  });

  it('has none for a task without a case', () => {
    expect(categoryOfTask({ event: null }, {})).toBeNull();
  });
});

describe('newTaskIds', () => {
  it('counts the tasks opened after the person last looked', () => {
    const tasks = [{ id: 'old', openedAt: at(-5) }, { id: 'new', openedAt: at(1) }];
    expect(newTaskIds(tasks, now)).toEqual(['new']);
    expect(newTaskIds(tasks, now + 120_000)).toEqual([]);
  });
});
