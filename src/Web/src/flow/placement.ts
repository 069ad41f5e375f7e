import type { XYPosition } from '@xyflow/react';

export interface Box {
  position: XYPosition;
  /** Measured size when known; a node's usual size otherwise. */
  measured?: { width?: number | undefined; height?: number | undefined } | undefined;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 90;
const GAP = 24;

const overlaps = (p: XYPosition, box: Box) => {
  const width = box.measured?.width ?? NODE_WIDTH;
  const height = box.measured?.height ?? NODE_HEIGHT;
  return p.x < box.position.x + width + GAP && box.position.x < p.x + NODE_WIDTH + GAP
    && p.y < box.position.y + height + GAP && box.position.y < p.y + NODE_HEIGHT + GAP;
};

/**
 * Where a new node goes: the wanted place when it is free, else the nearest free place going down from it, then
 * column by column to the right, so that a new node never lands on an existing one.
 */
export function freePosition(wanted: XYPosition, boxes: readonly Box[]): XYPosition {
  const stepX = NODE_WIDTH + GAP * 2;
  const stepY = NODE_HEIGHT + GAP * 2;
  for (let column = 0; column < 50; column += 1) {
    for (let row = 0; row < 12; row += 1) {
      const p = { x: wanted.x + column * stepX, y: wanted.y + row * stepY };
      if (!boxes.some((b) => overlaps(p, b))) return p;
    }
  }
  return { x: Math.max(wanted.x, ...boxes.map((b) => b.position.x + (b.measured?.width ?? NODE_WIDTH))) + stepX, y: wanted.y };
}
