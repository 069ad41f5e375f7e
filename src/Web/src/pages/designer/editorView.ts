import type { Connection, ConnectionDiff, DefinitionComparison, DefinitionDocument, DefinitionProblem, DiffChange, FieldChange, NodeDiff } from '../../api/types';

/** What a comparison marks on the canvas and lists in the legend. */
export interface DiffMarks {
  /** Node id → its change (unchanged nodes are absent). */
  changed: Record<string, DiffChange>;
  /** Edge id (`from:outcome->to`) → its change. */
  edgeChanges: Record<string, DiffChange>;
  nodes: NodeDiff[];
  fields: FieldChange[];
  /** Connections added or removed. */
  connections: ConnectionDiff[];
}

/** What the editor shows: a draft to edit, a version or a comparison to look at. A new key starts a new editor. */
export interface EditorView {
  doc: DefinitionDocument;
  editable: boolean;
  problems: DefinitionProblem[];
  label: string;
  key: string;
  diff?: DiffMarks;
  /** The saved draft when `doc` is an unsaved document restored from the browser (the editor starts with unsaved edits). */
  saved?: DefinitionDocument;
}

const edgeId = (c: Connection) => `${c.from}:${c.outcome}->${c.to}`;

/**
 * A comparison drawn on one canvas: the newer document plus what the older one had and the newer one lost (removed
 * nodes keep their old place), with every difference marked.
 */
export function diffView(comparison: DefinitionComparison, from: DefinitionDocument, to: DefinitionDocument): { doc: DefinitionDocument; diff: DiffMarks } {
  const differing = comparison.nodes.filter((n) => n.change !== 'unchanged');
  const changed = Object.fromEntries(differing.map((n) => [n.id, n.change]));
  const removed = (from.nodes ?? []).filter((n) => changed[n.id] === 'removed');
  const removedConnections = comparison.connections.filter((c) => c.change === 'removed').map(({ from: source, outcome, to: target }) => ({ from: source, outcome, to: target }));
  const edgeChanges = Object.fromEntries(comparison.connections.filter((c) => c.change !== 'unchanged').map((c) => [edgeId(c), c.change]));
  return {
    doc: { ...to, nodes: [...to.nodes, ...removed], connections: [...to.connections, ...removedConnections] },
    diff: { changed, edgeChanges, nodes: differing, fields: comparison.fields, connections: comparison.connections.filter((c) => c.change !== 'unchanged') },
  };
}

/** A value of a field change as a short text: JSON, at most `limit` characters; an absent value is a dash. */
export function valueText(value: unknown, limit = 60): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
