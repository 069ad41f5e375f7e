import { describe, expect, it } from 'vitest';
import type { DefinitionComparison, DefinitionDocument } from '../../api/types';
import { diffView, valueText } from './editorView';

//   v1: start ─done─► old ─done─► end        v2: start ─done─► new ─done─► end
const v1: DefinitionDocument = {
  id: 'd', version: 1, name: 'd',
  nodes: [{ id: 'start', type: 'Start' }, { id: 'old', type: 'Notify', layout: { x: 5, y: 6 } }, { id: 'end', type: 'End' }],
  connections: [{ from: 'start', outcome: 'done', to: 'old' }, { from: 'old', outcome: 'done', to: 'end' }],
};
const v2: DefinitionDocument = {
  id: 'd', version: 2, name: 'd',
  nodes: [{ id: 'start', type: 'Start' }, { id: 'new', type: 'Notify' }, { id: 'end', type: 'End', title: 'changed' }],
  connections: [{ from: 'start', outcome: 'done', to: 'new' }, { from: 'new', outcome: 'done', to: 'end' }],
};
const comparison: DefinitionComparison = {
  fromId: 'd', fromVersion: 1, toId: 'd', toVersion: 2,
  fields: [{ field: 'name', from: 'a', to: 'b' }],
  variables: [],
  nodes: [
    { id: 'start', type: 'Start', title: null, change: 'unchanged', fields: [] },
    { id: 'new', type: 'Notify', title: null, change: 'added', fields: [] },
    { id: 'old', type: 'Notify', title: null, change: 'removed', fields: [] },
    { id: 'end', type: 'End', title: 'changed', change: 'changed', fields: [{ field: 'title', from: null, to: 'changed' }] },
  ],
  connections: [
    { from: 'start', outcome: 'done', to: 'new', change: 'added' },
    { from: 'new', outcome: 'done', to: 'end', change: 'added' },
    { from: 'start', outcome: 'done', to: 'old', change: 'removed' },
    { from: 'old', outcome: 'done', to: 'end', change: 'removed' },
  ],
};

describe('diffView', () => {
  it('draws the newer version with the removed nodes and connections of the older one', () => {
    const { doc } = diffView(comparison, v1, v2);
    expect(doc.version).toBe(2);
    expect(doc.nodes.map((n) => n.id)).toEqual(['start', 'new', 'end', 'old']);
    expect(doc.nodes.at(-1)).toBe(v1.nodes[1]);
    expect(doc.connections).toEqual([...v2.connections, ...v1.connections]);
  });

  it('marks every node and connection that differs, and lists only those', () => {
    const { diff } = diffView(comparison, v1, v2);
    expect(diff.changed).toEqual({ new: 'added', old: 'removed', end: 'changed' });
    expect(diff.edgeChanges).toEqual({
      'start:done->new': 'added', 'new:done->end': 'added', 'start:done->old': 'removed', 'old:done->end': 'removed',
    });
    expect(diff.nodes.map((n) => n.id)).toEqual(['new', 'old', 'end']);
    expect(diff.fields).toEqual(comparison.fields);
  });

  it('shows two equal versions as one with nothing marked', () => {
    const same: DefinitionComparison = {
      ...comparison, fields: [],
      nodes: v1.nodes.map((n) => ({ id: n.id, type: n.type, title: null, change: 'unchanged', fields: [] })),
      connections: v1.connections.map((c) => ({ ...c, change: 'unchanged' })),
    };
    const { doc, diff } = diffView(same, v1, v1);
    expect(doc).toEqual(v1);
    expect(diff).toEqual({ changed: {}, edgeChanges: {}, nodes: [], connections: [], fields: [] });
  });
});

describe('valueText', () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    ['立案', '立案'],
    [3, '3'],
    [true, 'true'],
    [{ a: [1, 2] }, '{"a":[1,2]}'],
  ])('shows %j as %s', (value, text) => expect(valueText(value)).toBe(text));

  it('shortens a long value', () => {
    const text = valueText('x'.repeat(100), 10);
    expect(text).toHaveLength(10);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('diffView connections', () => {
  it('lists the added and removed connections, not the unchanged', () => {
    const { diff } = diffView({ ...comparison, connections: [...comparison.connections, { from: 'x', outcome: 'done', to: 'y', change: 'unchanged' }] }, v1, v2);
    expect(diff.connections.map((c) => `${c.change} ${c.from}:${c.outcome}->${c.to}`)).toEqual([
      'added start:done->new', 'added new:done->end', 'removed start:done->old', 'removed old:done->end',
    ]);
  });
});
