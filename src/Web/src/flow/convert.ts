import type { Edge, Node } from '@xyflow/react';
import type { ActivityType, Connection, DefinitionDocument, DefinitionNode, DefinitionProblem, DiffChange } from '../api/types';

// Between a definition document (nodes, connections) and React Flow's nodes and edges.

export type ActivityNodeData = {
  node: DefinitionNode;
  descriptor?: ActivityType | undefined;
  outcomes: string[];
  problems: DefinitionProblem[];
  active?: boolean;
  change?: DiffChange | undefined;
};

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;

export type OutcomeEdge = Edge<{ outcome: string }>;

/** Where a node without a layout goes: rows of six. */
export function gridPosition(index: number) {
  return { x: (index % 6) * 240, y: Math.floor(index / 6) * 140 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Outcome ports of a node: the type's fixed outcomes, those its props declare, and any already connected. */
export function outcomesOf(node: DefinitionNode, descriptor: ActivityType | undefined, connections: readonly Connection[] = []): string[] {
  const outcomes: unknown[] = [...(descriptor?.outcomes ?? [])];
  // "outcomes" names a string list; "rows[].outcome" a field of each item in a list of objects.
  for (const path of (descriptor?.outcomesFromProps ?? '').split(',').filter(Boolean)) {
    const [list = '', field] = path.replace('[]', '').split('.');
    const value = node.props?.[list];
    if (Array.isArray(value)) value.forEach((item: unknown) => outcomes.push(field ? (isRecord(item) ? item[field] : undefined) : item));
    else if (typeof value === 'string') outcomes.push(value);
  }
  for (const c of connections) if (c.from === node.id) outcomes.push(c.outcome);
  return [...new Set(outcomes.filter((o): o is string => typeof o === 'string' && o !== ''))];
}

export interface FlowMarks {
  problems?: DefinitionProblem[];
  active?: string[];
  changed?: Record<string, DiffChange>;
  /** An outcome as the reader says it (the edge's label); the outcome itself by default. */
  term?: (outcome: string) => string;
}

const sameWord = (outcome: string) => outcome;

export function edgeOf(c: Connection, term: (outcome: string) => string = sameWord): OutcomeEdge {
  return {
    id: `${c.from}:${c.outcome}->${c.to}`,
    source: c.from,
    sourceHandle: c.outcome,
    target: c.to,
    label: term(c.outcome),
    data: { outcome: c.outcome },
  };
}

export function toFlow(doc: DefinitionDocument, descriptors: readonly ActivityType[], { problems = [], active = [], changed = {}, term = sameWord }: FlowMarks = {}) {
  const byType = new Map(descriptors.map((d) => [d.type, d]));
  const connections = doc.connections ?? [];
  const nodes: ActivityFlowNode[] = (doc.nodes ?? []).map((node, i) => ({
    id: node.id,
    type: 'activity',
    position: node.layout ? { x: node.layout.x, y: node.layout.y } : gridPosition(i),
    data: {
      node,
      descriptor: byType.get(node.type),
      outcomes: outcomesOf(node, byType.get(node.type), connections),
      problems: problems.filter((p) => p.nodeIds?.includes(node.id)),
      active: active.includes(node.id),
      change: changed[node.id],
    },
  }));
  const edges = connections.map((c) => edgeOf(c, term));
  return { nodes, edges };
}

/** The document with the canvas's nodes (their positions as layout) and edges as connections. */
export function fromFlow(doc: DefinitionDocument, nodes: readonly ActivityFlowNode[], edges: readonly Edge[]): DefinitionDocument {
  return {
    ...doc,
    nodes: nodes.map((n) => ({
      ...n.data.node,
      layout: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
    })),
    connections: edges.map((e) => ({ from: e.source, outcome: e.sourceHandle ?? '', to: e.target })),
  };
}
