import { describe, expect, it } from 'vitest';
import { crossings, layoutLayered } from './layout';
import { NODE_HEIGHT, NODE_WIDTH } from './placement';

const node = (id: string, type = 'HumanTask', x = -1, y = -1) => ({ id, position: { x, y }, data: { node: { type } }, selected: false });
const edge = (source: string, target: string) => ({ source, target });
const x = (nodes: { id: string; position: { x: number } }[], id: string) => nodes.find((n) => n.id === id)?.position.x ?? NaN;
const overlapping = (nodes: { position: { x: number; y: number } }[]) => nodes.some((a, i) => nodes.some((b, j) => i < j
  && a.position.x < b.position.x + NODE_WIDTH && b.position.x < a.position.x + NODE_WIDTH
  && a.position.y < b.position.y + NODE_HEIGHT && b.position.y < a.position.y + NODE_HEIGHT));

describe('layoutLayered', () => {
  //   start ─► a ─► c
  //     └────► b ─┘
  it('puts every node to the right of the nodes that lead to it, without overlaps', () => {
    const nodes = [node('c'), node('b'), node('a'), node('start', 'Start')];
    const edges = [edge('start', 'a'), edge('start', 'b'), edge('a', 'c'), edge('b', 'c')];
    const laid = layoutLayered(nodes, edges);
    expect(x(laid, 'start')).toBeLessThan(x(laid, 'a'));
    expect(x(laid, 'a')).toBe(x(laid, 'b'));
    expect(x(laid, 'b')).toBeLessThan(x(laid, 'c'));
    expect(overlapping(laid)).toBe(false);
  });

  //   start ─► a ─► b ─► end      (b ─returned─► a)
  it('keeps the main line left to right when a connection goes back', () => {
    const nodes = [node('start', 'Start'), node('a'), node('b'), node('end', 'End')];
    const laid = layoutLayered(nodes, [edge('start', 'a'), edge('a', 'b'), edge('b', 'a'), edge('b', 'end')]);
    expect(x(laid, 'start')).toBeLessThan(x(laid, 'a'));
    expect(x(laid, 'a')).toBeLessThan(x(laid, 'b'));
    expect(x(laid, 'b')).toBeLessThan(x(laid, 'end'));
  });

  //   s ─► a ─► d        the hand-made order (a above b, c above d) crosses a→d with b→c
  //   └──► b ─► c
  it('orders a layer to avoid crossings', () => {
    const nodes = [node('s', 'Start', 0, 0), node('a', 'HumanTask', 300, 0), node('b', 'HumanTask', 300, 150), node('c', 'HumanTask', 600, 0), node('d', 'HumanTask', 600, 150)];
    const edges = [edge('s', 'a'), edge('s', 'b'), edge('a', 'd'), edge('b', 'c')];
    expect(crossings(nodes, edges)).toBe(1);
    expect(crossings(layoutLayered(nodes, edges), edges)).toBe(0);
  });

  it('lays out nodes without connections too, apart', () => {
    const laid = layoutLayered([node('start', 'Start'), node('lost'), node('orphan')], []);
    expect(laid.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
    expect(overlapping(laid)).toBe(false);
  });

  it('keeps everything but the position and leaves the input alone', () => {
    const nodes = [node('start', 'Start'), node('a')];
    const laid = layoutLayered(nodes, [edge('start', 'a'), edge('start', 'missing')]);
    expect(laid.map((n) => [n.id, n.selected, n.data])).toEqual(nodes.map((n) => [n.id, n.selected, n.data]));
    expect(nodes[0]?.position).toEqual({ x: -1, y: -1 });
  });
});

describe('crossings', () => {
  it('counts two connections that cross once and none that share a node', () => {
    const nodes = [node('a', 'T', 0, 0), node('b', 'T', 0, 200), node('c', 'T', 400, 0), node('d', 'T', 400, 200)];
    expect(crossings(nodes, [edge('a', 'd'), edge('b', 'c')])).toBe(1);
    expect(crossings(nodes, [edge('a', 'c'), edge('b', 'd')])).toBe(0);
    expect(crossings(nodes, [edge('a', 'c'), edge('a', 'd')])).toBe(0);
  });
});
