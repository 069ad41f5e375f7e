import type { XYPosition } from '@xyflow/react';

interface LayoutNode {
  id: string;
  position: XYPosition;
  data: { node: { type: string } };
}

interface LayoutEdge {
  source: string;
  target: string;
}

export const COLUMN_WIDTH = 260;
export const ROW_HEIGHT = 150;

/**
 * Left to right by BFS depth from the start node (or the first node when there is none); nodes the start does not
 * reach go in a last column. Within a column nodes keep their order.
 */
export function layoutByDepth<N extends LayoutNode>(nodes: readonly N[], edges: readonly LayoutEdge[]): N[] {
  const depth = new Map<string, number>();
  const starts = nodes.filter((n) => n.data.node.type === 'Start').map((n) => n.id);
  const queue = starts.length ? [...starts] : nodes.slice(0, 1).map((n) => n.id);
  queue.forEach((id) => depth.set(id, 0));
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const next = (depth.get(id) ?? 0) + 1;
    for (const e of edges) {
      if (e.source === id && !depth.has(e.target)) {
        depth.set(e.target, next);
        queue.push(e.target);
      }
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  return nodes.map((n) => {
    const column = depth.get(n.id) ?? last;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { ...n, position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT } };
  });
}
