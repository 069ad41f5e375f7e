import { Graph, layout } from '@dagrejs/dagre';
import type { XYPosition } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from './placement';

interface LayoutNode {
  id: string;
  position: XYPosition;
  data: { node: { type: string } };
  measured?: { width?: number | undefined; height?: number | undefined } | undefined;
}

interface LayoutEdge {
  source: string;
  target: string;
  sourceHandle?: string | null | undefined;
}

/**
 * Left to right in layers (dagre): every node after the nodes that lead to it, back edges (a return, a retry) turned
 * around, the order within a layer chosen to cross as few connections as it can, and nodes spaced by their real size.
 * Start nodes go in the first layer.
 */
export function layoutLayered<N extends LayoutNode>(nodes: readonly N[], edges: readonly LayoutEdge[]): N[] {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, edgesep: 20, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const size = (n: N) => ({ width: n.measured?.width ?? NODE_WIDTH, height: n.measured?.height ?? NODE_HEIGHT });
  nodes.forEach((n) => graph.setNode(n.id, { ...size(n), ...(n.data.node.type === 'Start' ? { rank: 0 } : {}) }));
  const ids = new Set(nodes.map((n) => n.id));
  edges.forEach((e, i) => {
    if (ids.has(e.source) && ids.has(e.target) && e.source !== e.target) graph.setEdge(e.source, e.target, {}, `${e.sourceHandle ?? ''}#${i}`);
  });
  layout(graph);
  return nodes.map((n) => {
    const placed = graph.node(n.id) as { x: number; y: number } | undefined;
    if (!placed) return { ...n };
    const { width, height } = size(n);
    return { ...n, position: { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) } };
  });
}

/** How many pairs of connections cross when each is drawn as a straight line from the right of its source to the left of its target. */
export function crossings(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): number {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const segments = edges.flatMap((e) => {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b) return [];
    const w = (n: LayoutNode) => n.measured?.width ?? NODE_WIDTH;
    const h = (n: LayoutNode) => (n.measured?.height ?? NODE_HEIGHT) / 2;
    return [{ ids: [e.source, e.target], p: { x: a.position.x + w(a), y: a.position.y + h(a) }, q: { x: b.position.x, y: b.position.y + h(b) } }];
  });
  const side = (a: XYPosition, b: XYPosition, c: XYPosition) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  let count = 0;
  for (let i = 0; i < segments.length; i += 1) {
    for (let j = i + 1; j < segments.length; j += 1) {
      const s = segments[i];
      const t = segments[j];
      if (!s || !t || s.ids.some((id) => t.ids.includes(id))) continue;
      if (side(s.p, s.q, t.p) * side(s.p, s.q, t.q) < 0 && side(t.p, t.q, s.p) * side(t.p, t.q, s.q) < 0) count += 1;
    }
  }
  return count;
}
