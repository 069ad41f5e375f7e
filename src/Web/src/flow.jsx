import { Handle, Position } from '@xyflow/react';

// Outcome ports of a node: the type's fixed outcomes, those its props declare, and any already connected.
export function outcomesOf(node, descriptor, connections = []) {
  const outcomes = [...(descriptor?.outcomes || [])];
  for (const path of (descriptor?.outcomesFromProps || '').split(',').filter(Boolean)) {
    const [list, field] = path.replace('[]', '').split('.');
    const value = node.props?.[list];
    if (Array.isArray(value)) value.forEach((item) => outcomes.push(field ? item?.[field] : item));
    else if (typeof value === 'string') outcomes.push(value);
  }
  for (const c of connections) if (c.from === node.id) outcomes.push(c.outcome);
  return [...new Set(outcomes.filter((o) => typeof o === 'string' && o))];
}

export function toFlow(doc, descriptors, { problems = [], active = [], changed = {} } = {}) {
  const byType = Object.fromEntries((descriptors || []).map((d) => [d.type, d]));
  const nodes = (doc?.nodes || []).map((node, i) => ({
    id: node.id,
    type: 'activity',
    position: node.layout ? { x: node.layout.x, y: node.layout.y } : { x: (i % 6) * 240, y: Math.floor(i / 6) * 140 },
    data: {
      node,
      descriptor: byType[node.type],
      outcomes: outcomesOf(node, byType[node.type], doc.connections),
      problems: problems.filter((p) => p.nodeIds?.includes(node.id)),
      active: active.includes(node.id),
      change: changed[node.id],
    },
  }));
  const edges = (doc?.connections || []).map(edgeOf);
  return { nodes, edges };
}

export function edgeOf(c) {
  return {
    id: `${c.from}:${c.outcome}->${c.to}`,
    source: c.from,
    sourceHandle: c.outcome,
    target: c.to,
    label: c.outcome,
    data: { outcome: c.outcome },
  };
}

export function fromFlow(doc, nodes, edges) {
  return {
    ...doc,
    nodes: nodes.map((n) => ({
      ...n.data.node,
      layout: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
    })),
    connections: edges.map((e) => ({ from: e.source, outcome: e.sourceHandle, to: e.target })),
  };
}

export function ActivityNode({ data, selected }) {
  const { node, descriptor, outcomes, problems, active, change } = data;
  const classes = ['activity-node'];
  if (selected) classes.push('selected');
  if (problems?.length) classes.push('has-problems');
  if (active) classes.push('active');
  if (change) classes.push(`change-${change}`);
  return (
    <div className={classes.join(' ')} data-node-id={node.id} title={problems?.map((p) => p.message).join('\n')}>
      <Handle type="target" position={Position.Left} />
      <div className="activity-type">{descriptor?.title || node.type}</div>
      <div className="activity-title">{node.title || node.id}</div>
      {problems?.length > 0 && <div className="problem-badge">⚠ {problems.length}</div>}
      <div className="ports">
        {outcomes.map((o) => (
          <div key={o} className="port">
            <span>{o}</span>
            <Handle type="source" position={Position.Right} id={o} className="port-handle" data-outcome={o} />
          </div>
        ))}
      </div>
    </div>
  );
}

export const nodeTypes = { activity: ActivityNode };
