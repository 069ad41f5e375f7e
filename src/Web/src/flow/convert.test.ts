import { describe, expect, it } from 'vitest';
import type { ActivityType, DefinitionDocument, DefinitionNode } from '../api/types';
import { edgeOf, fromFlow, gridPosition, outcomesOf, toFlow } from './convert';

const descriptor = (type: string, outcomes: string[], outcomesFromProps: string | null = null): ActivityType => ({
  type, title: type, titleEn: type, category: 'flow', description: '', propertySchema: null, outcomes, outcomesFromProps,
});

const start = descriptor('Start', ['done']);
const task = descriptor('HumanTask', [], 'outcomes');
const table = descriptor('DecisionTable', ['none'], 'rows[].outcome');
const gateway = descriptor('Gateway', [], 'otherwise,conditions[].outcome');

//   report ──done──► triage ──filed──► route
//                      └──invalid──► (unconnected)
const doc: DefinitionDocument = {
  id: 'event-handling',
  version: 3,
  name: '事件分级流转',
  variables: { difficulty: 'int' },
  nodes: [
    { id: 'report', type: 'Start', title: '上报', layout: { x: 0, y: 360 } },
    { id: 'triage', type: 'HumanTask', title: '研判', props: { outcomes: ['filed', 'invalid'] }, layout: { x: 240, y: 360 } },
    { id: 'route', type: 'DecisionTable', props: { rows: [{ outcome: 'grid' }, { outcome: 'county' }] } },
  ],
  connections: [
    { from: 'report', outcome: 'done', to: 'triage' },
    { from: 'triage', outcome: 'filed', to: 'route' },
  ],
};

describe('outcomesOf', () => {
  it('lists the type’s fixed outcomes', () => {
    expect(outcomesOf({ id: 's', type: 'Start' }, start)).toEqual(['done']);
  });

  it('reads a string list named by the type', () => {
    expect(outcomesOf({ id: 't', type: 'HumanTask', props: { outcomes: ['resolved', 'extension'] } }, task)).toEqual(['resolved', 'extension']);
  });

  it('reads one field of each item of a list of objects after the fixed outcomes', () => {
    const node: DefinitionNode = { id: 'r', type: 'DecisionTable', props: { rows: [{ outcome: 'grid' }, { outcome: 'county' }, { when: {} }] } };
    expect(outcomesOf(node, table)).toEqual(['none', 'grid', 'county']);
  });

  it('reads several comma-separated paths, a single string prop among them', () => {
    const node: DefinitionNode = { id: 'g', type: 'Gateway', props: { otherwise: 'else', conditions: [{ outcome: 'big' }] } };
    expect(outcomesOf(node, gateway)).toEqual(['else', 'big']);
  });

  it('adds outcomes already connected from the node, and only from it', () => {
    const connections = [{ from: 't', outcome: 'legacy', to: 'x' }, { from: 'other', outcome: 'foreign', to: 't' }];
    expect(outcomesOf({ id: 't', type: 'HumanTask', props: { outcomes: ['done'] } }, task, connections)).toEqual(['done', 'legacy']);
  });

  it('drops duplicates, empty names and values that are not text', () => {
    const node: DefinitionNode = { id: 't', type: 'HumanTask', props: { outcomes: ['a', 'a', '', 7, null, 'b'] } };
    expect(outcomesOf(node, task, [{ from: 't', outcome: 'a', to: 'x' }])).toEqual(['a', 'b']);
  });

  it('ignores props of the wrong shape', () => {
    expect(outcomesOf({ id: 't', type: 'HumanTask', props: { outcomes: { a: 1 } } }, task)).toEqual([]);
    expect(outcomesOf({ id: 'r', type: 'DecisionTable', props: { rows: ['grid'] } }, table)).toEqual(['none']);
  });

  it('knows only connected outcomes for an unknown type', () => {
    expect(outcomesOf({ id: 'x', type: 'Gone' }, undefined, [{ from: 'x', outcome: 'done', to: 'y' }])).toEqual(['done']);
  });
});

describe('toFlow', () => {
  it('makes one activity node per definition node, at its layout or else on a grid of six', () => {
    const { nodes } = toFlow(doc, [start, task, table]);
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['report', 'activity', { x: 0, y: 360 }],
      ['triage', 'activity', { x: 240, y: 360 }],
      ['route', 'activity', gridPosition(2)],
    ]);
    expect(gridPosition(7)).toEqual({ x: 240, y: 140 });
  });

  it('gives each node its descriptor and ports', () => {
    const { nodes } = toFlow(doc, [start, task, table]);
    expect(nodes[1]?.data.descriptor).toBe(task);
    expect(nodes[1]?.data.outcomes).toEqual(['filed', 'invalid']);
    expect(nodes[2]?.data.outcomes).toEqual(['none', 'grid', 'county']);
  });

  it('marks problems, active nodes and changes on the nodes they name', () => {
    const problem = { code: 'unreachable', message: 'cannot be reached', nodeIds: ['route'] };
    const { nodes } = toFlow(doc, [], { problems: [problem], active: ['triage'], changed: { route: 'added' } });
    expect(nodes.map((n) => [n.id, n.data.problems.length, n.data.active, n.data.change])).toEqual([
      ['report', 0, false, undefined],
      ['triage', 0, true, undefined],
      ['route', 1, false, 'added'],
    ]);
  });

  it('makes one edge per connection, from the outcome’s port', () => {
    const { edges } = toFlow(doc, []);
    expect(edges).toEqual([edgeOf(doc.connections[0]!), edgeOf(doc.connections[1]!)]);
    expect(edges[1]).toEqual({
      id: 'triage:filed->route', source: 'triage', sourceHandle: 'filed', target: 'route', label: 'filed', data: { outcome: 'filed' },
    });
  });

  it('draws an empty definition as an empty canvas', () => {
    expect(toFlow({ id: 'x', name: 'x', nodes: [], connections: [] }, [])).toEqual({ nodes: [], edges: [] });
  });
});

describe('fromFlow', () => {
  it('gives back the document with positions as layout, rounded', () => {
    const flow = toFlow(doc, [start, task, table]);
    const moved = flow.nodes.map((n) => (n.id === 'route' ? { ...n, position: { x: 480.4, y: 359.6 } } : n));
    const back = fromFlow(doc, moved, flow.edges);
    expect(back.nodes[2]).toEqual({ ...doc.nodes[2], layout: { x: 480, y: 360 } });
    expect(back.connections).toEqual(doc.connections);
    expect(back.variables).toEqual(doc.variables);
    expect(back.version).toBe(3);
  });

  it('round-trips a document whose nodes all have a layout', () => {
    const laidOut = { ...doc, nodes: doc.nodes.map((n, i) => ({ ...n, layout: n.layout ?? gridPosition(i) })) };
    const flow = toFlow(laidOut, [start, task, table]);
    expect(fromFlow(laidOut, flow.nodes, flow.edges)).toEqual(laidOut);
  });

  it('takes the canvas’s edges as the connections', () => {
    const flow = toFlow(doc, []);
    expect(fromFlow(doc, flow.nodes, []).connections).toEqual([]);
    const added = edgeOf({ from: 'triage', outcome: 'invalid', to: 'report' });
    expect(fromFlow(doc, flow.nodes, [...flow.edges, added]).connections.at(-1)).toEqual({ from: 'triage', outcome: 'invalid', to: 'report' });
  });
});
