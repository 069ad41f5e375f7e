import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';

// Inside the chart: pans and zooms to the active nodes whenever they change.
export default function FollowActive({ nodeIds }: { nodeIds: string }) {
  const flow = useReactFlow();
  useEffect(() => {
    if (!nodeIds) return;
    const handle = window.setTimeout(() => {
      void flow.fitView({ nodes: nodeIds.split(',').map((id) => ({ id })), duration: 300, maxZoom: 1, padding: 0.6 });
    }, 50);
    return () => window.clearTimeout(handle);
  }, [flow, nodeIds]);
  return null;
}
