import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useT } from '../i18n/useT';
import type { ActivityFlowNode } from './convert';

export default function ActivityNode({ data, selected }: NodeProps<ActivityFlowNode>) {
  const t = useT();
  const { node, descriptor, outcomes, problems, active, change } = data;
  const classes = ['activity-node'];
  if (selected) classes.push('selected');
  if (problems.length) classes.push('has-problems');
  if (active) classes.push('active');
  if (change) classes.push(`change-${change}`);
  return (
    <div className={classes.join(' ')} data-node-id={node.id} title={problems.map((p) => p.message).join('\n')}>
      <Handle type="target" position={Position.Left} />
      <div className="activity-type">{descriptor?.title || node.type}</div>
      <div className="activity-title">{node.title || node.id}</div>
      {problems.length > 0 && <div className="problem-badge">⚠ {problems.length}</div>}
      <div className="ports">
        {outcomes.map((o) => (
          <div key={o} className="port">
            <span>{t.term(o)}</span>
            <Handle type="source" position={Position.Right} id={o} className="port-handle" data-outcome={o} />
          </div>
        ))}
      </div>
    </div>
  );
}
