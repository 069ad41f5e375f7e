import type { NodeTypes } from '@xyflow/react';
import ActivityNode from './ActivityNode';

// One object for the whole app: React Flow re-creates every node when nodeTypes changes identity.
export const nodeTypes: NodeTypes = { activity: ActivityNode };
