import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH as W, layoutByDepth, ROW_HEIGHT as H } from './layout';

const node = (id: string, type = 'HumanTask') => ({ id, position: { x: -1, y: -1 }, data: { node: { type } }, selected: false });
const edge = (source: string, target: string) => ({ source, target });
const positions = (nodes: { id: string; position: { x: number; y: number } }[]) =>
  Object.fromEntries(nodes.map((n) => [n.id, [n.position.x / W, n.position.y / H]]));

describe('layoutByDepth', () => {
  //   start ─► a ─► c
  //     └────► b ─┘
  it('puts each node in the column of its shortest distance from the start, stacked in order', () => {
    const nodes = [node('c'), node('b'), node('a'), node('start', 'Start')];
    const edges = [edge('start', 'a'), edge('start', 'b'), edge('a', 'c'), edge('b', 'c')];
    expect(positions(layoutByDepth(nodes, edges))).toEqual({ start: [0, 0], a: [1, 1], b: [1, 0], c: [2, 0] });
  });

  it('starts from the first node when there is no Start', () => {
    const nodes = [node('x'), node('y')];
    expect(positions(layoutByDepth(nodes, [edge('y', 'x'), edge('x', 'y')]))).toEqual({ x: [0, 0], y: [1, 0] });
  });

  it('puts nodes the start does not reach in a last column', () => {
    const nodes = [node('start', 'Start'), node('a'), node('lost'), node('orphan')];
    const edges = [edge('start', 'a'), edge('lost', 'orphan')];
    expect(positions(layoutByDepth(nodes, edges))).toEqual({ start: [0, 0], a: [1, 0], lost: [2, 0], orphan: [2, 1] });
  });

  it('ends on a cycle', () => {
    const nodes = [node('start', 'Start'), node('a'), node('b')];
    const edges = [edge('start', 'a'), edge('a', 'b'), edge('b', 'a'), edge('b', 'start')];
    expect(positions(layoutByDepth(nodes, edges))).toEqual({ start: [0, 0], a: [1, 0], b: [2, 0] });
  });

  it('lays out every Start in the first column', () => {
    const nodes = [node('s1', 'Start'), node('s2', 'Start'), node('a')];
    expect(positions(layoutByDepth(nodes, [edge('s2', 'a')]))).toEqual({ s1: [0, 0], s2: [0, 1], a: [1, 0] });
  });

  it('keeps everything but the position and leaves the input alone', () => {
    const nodes = [{ ...node('start', 'Start'), selected: true }];
    const [laid] = layoutByDepth(nodes, []);
    expect(laid).toEqual({ ...nodes[0], position: { x: 0, y: 0 } });
    expect(nodes[0]?.position).toEqual({ x: -1, y: -1 });
  });

  it('lays out nothing as nothing', () => {
    expect(layoutByDepth([], [edge('a', 'b')])).toEqual([]);
  });
});
