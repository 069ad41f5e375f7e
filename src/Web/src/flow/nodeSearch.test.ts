import { describe, expect, it } from 'vitest';
import { matchNodes } from './nodeSearch';

const nodes = [
  { id: 'report', type: 'Start', title: '上报' },
  { id: 'triage', type: 'UserTask', title: '研判' },
  { id: 'grid_report', type: 'Notify', title: '网格回报' },
  { id: 'close', type: 'End', title: null },
];

describe('matchNodes', () => {
  it('finds nothing for an empty query', () => {
    expect(matchNodes(nodes, '  ')).toEqual([]);
  });

  it.each([
    ['研判', ['triage']],
    ['TRI', ['triage']],
    ['usertask', ['triage']],
    ['end', ['close']],
  ])('matches %s by id, title or type', (query, ids) => {
    expect(matchNodes(nodes, query).map((n) => n.id)).toEqual(ids);
  });

  it('puts ids and titles that start with the query first', () => {
    expect(matchNodes([...nodes].reverse(), 'report').map((n) => n.id)).toEqual(['report', 'grid_report']);
  });

  it('stops at the limit', () => {
    expect(matchNodes(nodes, 'r', 2)).toHaveLength(2);
  });
});
