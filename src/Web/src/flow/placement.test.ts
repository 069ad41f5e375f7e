import { describe, expect, it } from 'vitest';
import { freePosition, NODE_HEIGHT, NODE_WIDTH } from './placement';

const box = (x: number, y: number, width = NODE_WIDTH, height = NODE_HEIGHT) => ({ position: { x, y }, measured: { width, height } });

describe('freePosition', () => {
  it('takes the wanted place on an empty canvas', () => {
    expect(freePosition({ x: 10, y: 20 }, [])).toEqual({ x: 10, y: 20 });
  });

  it('takes the wanted place when nothing is near it', () => {
    expect(freePosition({ x: 0, y: 0 }, [box(1000, 1000)])).toEqual({ x: 0, y: 0 });
  });

  it('moves down past a node in the way', () => {
    const p = freePosition({ x: 0, y: 0 }, [box(0, 0)]);
    expect(p.x).toBe(0);
    expect(p.y).toBeGreaterThanOrEqual(NODE_HEIGHT);
  });

  it('moves past a column of nodes to the right', () => {
    const column = Array.from({ length: 20 }, (_, i) => box(0, i * 120, NODE_WIDTH, 110));
    const p = freePosition({ x: 0, y: 0 }, column);
    expect(p.x).toBeGreaterThanOrEqual(NODE_WIDTH);
    expect(column.some((b) => Math.abs(b.position.x - p.x) < NODE_WIDTH && Math.abs(b.position.y - p.y) < 110)).toBe(false);
  });

  it('respects a measured size larger than usual', () => {
    const p = freePosition({ x: 0, y: 300 }, [box(0, 0, 200, 400)]);
    expect(p.y).toBeGreaterThanOrEqual(400);
  });

  it('never lands on any of many nodes', () => {
    const boxes = Array.from({ length: 40 }, (_, i) => box((i % 8) * 150, Math.floor(i / 8) * 100));
    const p = freePosition({ x: 100, y: 100 }, boxes);
    const hit = boxes.some((b) => p.x < b.position.x + NODE_WIDTH && b.position.x < p.x + NODE_WIDTH && p.y < b.position.y + NODE_HEIGHT && b.position.y < p.y + NODE_HEIGHT);
    expect(hit).toBe(false);
  });
});
