import { describe, expect, it } from 'vitest';
import type { DefinitionNode, MigrationResult, VersionSummary } from '../../api/types';
import { appendPage, canMigrate, defaultNodeMap, migrationBody, nodeChoices } from './migrationModel';

const nodes = (...ids: string[]): { nodes: DefinitionNode[] } => ({ nodes: ids.map((id) => ({ id, type: 'HumanTask', title: `t-${id}` })) });

describe('defaultNodeMap', () => {
  it('maps a node to the node of the same id, and leaves the others empty', () => {
    expect(defaultNodeMap(nodes('start', 'triage', 'handle', 'old'), nodes('start', 'triage', 'handle2', 'handle')))
      .toEqual({ start: 'start', triage: 'triage', handle: 'handle', old: '' });
  });

  it('is empty for a version without nodes', () => {
    expect(defaultNodeMap(nodes(), nodes('a'))).toEqual({});
  });
});

describe('nodeChoices', () => {
  it('offers the ids with their titles, the id standing in for a missing title', () => {
    expect(nodeChoices({ nodes: [{ id: 'a', type: 'Start' }, { id: 'b', type: 'HumanTask', title: '受理' }] }))
      .toEqual([{ id: 'a', title: 'a' }, { id: 'b', title: '受理' }]);
  });
});

describe('migrationBody', () => {
  it('sends only mapped nodes, with the limit', () => {
    expect(migrationBody(1, 2, { a: 'a', b: '', c: 'd' }, true))
      .toEqual({ fromVersion: 1, toVersion: 2, nodeMap: { a: 'a', c: 'd' }, dryRun: true, limit: 200 });
  });

  it('asks for the page after the last one shown', () => {
    expect(migrationBody(1, 3, {}, false, 'cursor-1')).toEqual({ fromVersion: 1, toVersion: 3, nodeMap: {}, dryRun: false, limit: 200, after: 'cursor-1' });
    expect(migrationBody(1, 3, {}, false, null)).not.toHaveProperty('after');
  });
});

describe('appendPage', () => {
  const page = (n: string, next: string | null): MigrationResult => ({
    moved: [{ caseId: `m${n}`, number: n, activeNodes: ['a'] }],
    blocked: [{ caseId: `b${n}`, number: n, activeNodes: ['x'], code: 'unmapped-node', reason: 'x has no target' }],
    next,
  });

  it('shows the first page as it is and appends the next ones', () => {
    const first = appendPage(null, page('1', 'c1'));
    expect(first).toEqual(page('1', 'c1'));
    const both = appendPage(first, page('2', null));
    expect(both.moved.map((c) => c.number)).toEqual(['1', '2']);
    expect(both.blocked).toHaveLength(2);
    expect(both.next).toBeNull();
  });
});

describe('canMigrate', () => {
  const version = (v: number, status: VersionSummary['status'] = 'Published'): VersionSummary =>
    ({ version: v, status, name: 'n', changeNote: '', publishedBy: 'p', publishedAt: '2026-01-01T00:00:00Z', runningCases: 0 });

  it('needs two versions, retired ones counting', () => {
    expect(canMigrate([version(1)])).toBe(false);
    expect(canMigrate([version(1, 'Retired'), version(2)])).toBe(true);
  });
});
